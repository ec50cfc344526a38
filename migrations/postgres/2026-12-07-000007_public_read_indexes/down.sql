DROP INDEX memberships_public_joined;
DROP INDEX cities_archived;
DROP INDEX cities_public_country;
DROP INDEX cities_public_name;
CREATE INDEX cities_country ON cities (country_code, name_sort, id);
CREATE INDEX cities_name_sort ON cities (name_sort, id);
