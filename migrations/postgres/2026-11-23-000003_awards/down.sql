DROP TABLE nominations;
DROP TABLE award_categories;
DROP TABLE award_cycles;
DROP TABLE award_programmes;
