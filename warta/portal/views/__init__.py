"""Public views, one module per job: home, register (DIP), documents, announcements, pages, search, feeds,
meta (robots, sitemap, logo) and display preferences."""
