-- Shared by the wrk scripts that ask for a different page on each request (dofile'd from beside them): each wrk
-- thread gets its own random seed. With one seed for all, the threads asked for the same pages at the same moment,
-- and nginx made the second wait for the first (proxy_cache_lock polls every 500 ms).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_number)
end
