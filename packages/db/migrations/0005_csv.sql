-- CSV imports run as jobs: the file is validated row by row (progress is visible), then written in
-- one transaction — all or nothing. A dry run stops after validation and changes nothing.
create table import_jobs (
  id text primary key,
  kind text not null check (kind in ('products', 'prices', 'stock')),
  is_dry_run boolean not null,
  status text not null check (status in ('validating', 'writing', 'succeeded', 'failed')),
  file_name text,
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  error_count integer not null default 0,
  errors jsonb not null default '[]',       -- the first 1,000 errors: [{ line, field, message }]
  summary jsonb,                            -- counts written, e.g. { "productsCreated": 3, … }
  failure text,                             -- why a job failed as a whole
  created_by text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index import_jobs_created_idx on import_jobs (created_at desc, id desc);
