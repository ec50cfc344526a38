-- Gatherings: Learning City Week, the Academy and Forum, conferences, award ceremonies, network
-- announcements, seminars and webinars; their series, agendas and participating cities.
-- A date is recorded only where a source gives it: `year` alone, or nothing, is allowed.
CREATE TABLE event_series (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_th TEXT,
    description_en TEXT,
    description_th TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- `first_day`/`last_day` are the local start and end dates as YYYYMMDD numbers (for ordering
-- and date filters); `starts_at`/`ends_at` are local times (HH:MM) in `time_zone`. `status` is
-- published, or proposed/returned for a city editor's proposal awaiting the secretariat.
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    series_id BIGINT REFERENCES event_series (id),
    edition INTEGER,
    title_en TEXT NOT NULL,
    title_th TEXT,
    summary_en TEXT,
    summary_th TEXT,
    year INTEGER,
    starts_on DATE,
    ends_on DATE,
    starts_at TEXT,
    ends_at TEXT,
    time_zone TEXT NOT NULL,
    first_day INTEGER,
    last_day INTEGER,
    network_id BIGINT REFERENCES networks (id),
    award_cycle_id BIGINT REFERENCES award_cycles (id),
    initiative_id BIGINT REFERENCES initiatives (id),
    census_id BIGINT REFERENCES network_census (id),
    status TEXT NOT NULL,
    proposed_by BIGINT REFERENCES users (id),
    proposing_city_id BIGINT REFERENCES cities (id),
    review_note TEXT,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    archived_at TIMESTAMP
);
CREATE INDEX events_days ON events (first_day, id);
CREATE INDEX events_series ON events (series_id);

-- How an event is held and attended: one row per event, beside it.
CREATE TABLE event_details (
    event_id BIGINT PRIMARY KEY NOT NULL REFERENCES events (id),
    mode TEXT,
    venue_name_en TEXT,
    venue_name_th TEXT,
    venue_address TEXT,
    venue_city_id BIGINT REFERENCES cities (id),
    venue_latitude DOUBLE PRECISION,
    venue_longitude DOUBLE PRECISION,
    languages TEXT NOT NULL,
    interpretation TEXT NOT NULL,
    live_stream_url TEXT,
    recording_url TEXT,
    expected_attendance INTEGER,
    reported_attendance INTEGER,
    attendance_note TEXT
);
CREATE INDEX event_details_venue_city ON event_details (venue_city_id);

-- The agenda: sessions in order, each on a day (or not known), with local times or a part of
-- the day, and speakers as the sources name them (a JSON list of {name, role, organisation}).
CREATE TABLE event_sessions (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    title_en TEXT NOT NULL,
    title_th TEXT,
    on_date DATE,
    starts_at TEXT,
    ends_at TEXT,
    part_of_day TEXT,
    live_streamed BOOLEAN,
    speakers TEXT NOT NULL
);
CREATE INDEX event_sessions_event ON event_sessions (event_id, position);

-- Cities taking part, with their role (presenter, panel, recognised, attendee).
CREATE TABLE event_cities (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    role TEXT NOT NULL,
    UNIQUE (event_id, city_id)
);
CREATE INDEX event_cities_city ON event_cities (city_id);

CREATE TRIGGER event_series_data_version AFTER INSERT OR UPDATE OR DELETE ON event_series
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER events_data_version AFTER INSERT OR UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER event_details_data_version AFTER INSERT OR UPDATE OR DELETE ON event_details
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER event_sessions_data_version AFTER INSERT OR UPDATE OR DELETE ON event_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER event_cities_data_version AFTER INSERT OR UPDATE OR DELETE ON event_cities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
