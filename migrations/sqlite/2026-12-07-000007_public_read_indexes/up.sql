-- Indexes over the rows public reads see (`archived_at IS NULL`), holding every column those
-- reads filter, count and sort on, so that a page and its total are read from the index alone,
-- never from the wide table rows. `archived_at` is listed as a column although it is always
-- NULL in these indexes: SQLite's planner only treats an index as covering when it holds
-- every column the query names, including those of the index's own WHERE clause.
DROP INDEX cities_name_sort;
DROP INDEX cities_country;
CREATE INDEX cities_public_name ON cities (name_sort, id, archived_at) WHERE archived_at IS NULL;
CREATE INDEX cities_public_country ON cities (country_code, name_sort, id, archived_at)
    WHERE archived_at IS NULL;
-- Staff lists of archived cities: few rows, found without a scan.
CREATE INDEX cities_archived ON cities (id) WHERE archived_at IS NOT NULL;
-- A network's current members in the default order (join year, unknown years last, then id),
-- with the city each one is of and its status: the member list's page and total, and member counts.
CREATE INDEX memberships_public_joined
    ON memberships (network_id, (COALESCE(joined_year, 9999)), id, city_id, status, archived_at)
    WHERE archived_at IS NULL;
