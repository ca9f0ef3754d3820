-- A mix of what clients do, in a fixed rotation of ten calls: one order (a fresh Idempotency-Key),
-- six reads of one request, two listings and one certificate form.
-- Arguments (wrk URL -- ID PREFIX): the request to read, and the prefix of the keys.
local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

function init(args)
  id = args[1]
  prefix = args[2] .. "-" .. number .. "-"
  sent = 0
  order_headers = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    order_headers[name] = value
  end
end

local body = [[{"certificateId":"4c84e22bbabd5f25b0102bb3bfe82790","values":{"$0":"Mario","$1":"Rossi","$2":"1985-12-10","$3":"Italia","$4":"San Giuliano Terme","$5":"PI","$6":"G702","$7":"RSSMRA85T10A562S"},"extras":["opzione_0"]}]]

function request()
  sent = sent + 1
  local turn = sent % 10
  if turn == 0 then
    order_headers["Idempotency-Key"] = prefix .. sent
    return wrk.format("POST", "/api/v1/requests", order_headers, body)
  elseif turn <= 6 then
    return wrk.format("GET", "/api/v1/requests/" .. id)
  elseif turn <= 8 then
    return wrk.format("GET", "/api/v1/requests?limit=20")
  end
  return wrk.format("GET", "/api/v1/certificates/4c84e22bbabd5f25b0102bb3bfe82790")
end
