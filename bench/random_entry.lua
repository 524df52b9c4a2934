-- wrk script: each request asks for a different entry page, /dip/<id>/ with id in [FIRST_ID, LAST_ID].
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk_threads.lua")
local first = tonumber(os.getenv("FIRST_ID") or "1")
local last = tonumber(os.getenv("LAST_ID") or "100000")

request = function()
  return wrk.format("GET", "/dip/" .. math.random(first, last) .. "/")
end
