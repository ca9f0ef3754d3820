-- POST /api/v1/requests with the family-status submission and a fresh Idempotency-Key on every
-- call, so that each one orders anew (validation, store, draft and close upstream).
-- The key prefix is the first script argument (wrk URL -- PREFIX) plus the thread's number.
local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

function init(args)
  prefix = (args[1] or ("load-" .. os.time())) .. "-" .. number .. "-"
  sent = 0
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"certificateId":"4c84e22bbabd5f25b0102bb3bfe82790","values":{"$0":"Mario","$1":"Rossi","$2":"1985-12-10","$3":"Italia","$4":"San Giuliano Terme","$5":"PI","$6":"G702","$7":"RSSMRA85T10A562S"},"extras":["opzione_0"]}]]

function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = prefix .. sent
  return wrk.format()
end
