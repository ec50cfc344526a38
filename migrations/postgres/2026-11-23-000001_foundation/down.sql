DROP TABLE memberships;
DROP TABLE networks;
DROP TABLE cities;
DROP TABLE provinces;
DROP TABLE countries;
