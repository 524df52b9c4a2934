-- wrk script: each request asks for a different entry page, /dip/<id>/ with id in [FIRST_ID, LAST_ID].
-- Each wrk thread gets its own seed: with one seed for all, the threads asked for the same pages at the same
-- moment, and nginx made the second wait for the first (proxy_cache_lock polls every 500 ms).
local first = tonumber(os.getenv("FIRST_ID") or "1")
local last = tonumber(os.getenv("LAST_ID") or "100000")
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_number)
end

request = function()
  return wrk.format("GET", "/dip/" .. math.random(first, last) .. "/")
end
