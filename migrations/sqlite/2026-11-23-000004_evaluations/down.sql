DROP TABLE scores;
DROP TABLE evaluations;
DROP TABLE conflicts;
ALTER TABLE award_cycles DROP COLUMN framework_id;
DROP TABLE monitoring_rounds;
DROP TABLE criteria;
DROP TABLE frameworks;
