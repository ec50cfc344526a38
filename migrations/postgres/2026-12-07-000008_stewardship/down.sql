ALTER TABLE award_cycles DROP COLUMN announced_winners;
ALTER TABLE cities DROP COLUMN population_source;
ALTER TABLE cities DROP COLUMN population_year;
DROP TABLE seed_parts;
DROP TABLE initiative_cities;
DROP TABLE initiatives;
DROP TABLE network_census;
DROP TABLE unverified;
DROP TABLE sources;
