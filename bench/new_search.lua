-- wrk script: each request searches for words nobody asked just before (two register words and a year, about
-- 19,000 combinations), so the search's kept result lists are of no help and every request ranks afresh.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk_threads.lua")
local words = {"laporan", "keuangan", "kinerja", "rencana", "strategis", "anggaran", "realisasi", "sekolah",
  "pendidikan", "guru", "kurikulum", "data", "statistik", "profil", "program", "kegiatan", "pengadaan", "barang",
  "jasa", "standar", "pelayanan", "informasi", "publik", "keputusan", "peraturan", "akreditasi", "asesmen", "mutu",
  "penjaminan", "pengawas", "bantuan", "operasional", "sarana", "prasarana"}
request = function()
  local first = math.random(#words)
  local second = math.random(#words - 1)
  if second >= first then second = second + 1 end
  return wrk.format("GET", "/cari/?q=" .. words[first] .. "+" .. words[second] .. "+" .. math.random(2010, 2026))
end
