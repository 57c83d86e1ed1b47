-- The catalog beyond the foundation: versions for optimistic concurrency on categories and SKUs,
-- GTIN uniqueness across spellings, and the indexes the register's search and scans rely on.

alter table categories
  add column version integer not null default 1,
  add column created_at timestamptz not null default now(),
  add column updated_at timestamptz not null default now();
create index categories_parent_idx on categories (parent_id);

alter table skus
  add column version integer not null default 1,
  add column updated_at timestamptz not null default now();

-- UPC-A 012345678905 and EAN-13 0012345678905 are the same article: unique in the 14-digit form,
-- which is also what a scanned code is looked up by.
create unique index skus_gtin14_key on skus (lpad(ean, 14, '0'));

-- Prefix search for article numbers and EANs typed at the register (LIKE 'abc%' needs
-- text_pattern_ops unless the database collation is C).
create index skus_sku_prefix_idx on skus (sku text_pattern_ops);
create index skus_ean_prefix_idx on skus (ean text_pattern_ops);

-- Word-prefix search on names and brand ('trö' finds "Stickad tröja Merino"); 'simple' keeps words
-- as written, lower-cased, without stemming or stop words, and exists on every PostgreSQL.
-- fastupdate off: new rows go straight into the index instead of a pending list that every search
-- scans until a vacuum merges it — and PGlite runs no autovacuum. The catalog is read far more
-- often than it is written.
create index products_search_idx on products using gin (
  to_tsvector('simple'::regconfig, name_sv || ' ' || name_en || ' ' || coalesce(brand, ''))
) with (fastupdate = off);
create index products_status_slug_idx on products (status, slug);

create index bundle_components_component_idx on bundle_components (component_sku_id);
