-- Load for the REST API. Arguments (wrk URL -- MODE PREFIX [ID or FILE]):
--   orders  every call is POST /api/v1/requests with the family-status submission and a fresh
--           Idempotency-Key, so that each one orders anew (validation, store, draft and close);
--   mixed   a fixed rotation of ten calls: one such order, six reads of request ID, two listings
--           and one certificate form;
--   ids     every call is GET /api/v1/requests/{id} over the ids in FILE (one a line), in turn;
--           two threads start half the list apart, so that neither reads an id the other read
--           lately.
-- Keys are PREFIX, the thread's number and a counter.
local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

function init(args)
  mode = args[1]
  prefix = args[2] .. "-" .. number .. "-"
  id = args[3]
  sent = 0
  if mode == "ids" then
    ids = {}
    for line in io.lines(args[3]) do
      ids[#ids + 1] = line
    end
    next_id = (number * math.floor(#ids / 2)) % #ids
  end
  order_headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    order_headers[name] = value
  end
end

local body = [[{"certificateId":"4c84e22bbabd5f25b0102bb3bfe82790","values":{"$0":"Mario","$1":"Rossi","$2":"1985-12-10","$3":"Italia","$4":"San Giuliano Terme","$5":"PI","$6":"G702","$7":"RSSMRA85T10A562S"},"extras":["opzione_0"]}]]

function request()
  if mode == "ids" then
    next_id = next_id % #ids + 1
    return wrk.format("GET", "/api/v1/requests/" .. ids[next_id])
  end
  sent = sent + 1
  local turn = sent % 10
  if mode == "orders" or turn == 0 then
    order_headers["Idempotency-Key"] = prefix .. sent
    return wrk.format("POST", "/api/v1/requests", order_headers, body)
  elseif turn <= 6 then
    return wrk.format("GET", "/api/v1/requests/" .. id)
  elseif turn <= 8 then
    return wrk.format("GET", "/api/v1/requests?limit=20")
  end
  return wrk.format("GET", "/api/v1/certificates/4c84e22bbabd5f25b0102bb3bfe82790")
end
