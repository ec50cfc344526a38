DROP TABLE event_cities;
DROP TABLE event_sessions;
DROP TABLE event_details;
DROP TABLE events;
DROP TABLE event_series;
