-- Evaluation frameworks and their criteria trees, monitoring rounds, declared conflicts of
-- interest, evaluations (one evaluator's scoring of one city) and their scores (SQLite).

CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    family TEXT NOT NULL,
    version INTEGER NOT NULL,
    name_en TEXT NOT NULL,
    name_th TEXT,
    description_en TEXT,
    description_th TEXT,
    source_url TEXT,
    verified BOOLEAN NOT NULL,
    frozen_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (family, version)
);

CREATE TABLE criteria (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    framework_id BIGINT NOT NULL REFERENCES frameworks (id),
    parent_id BIGINT REFERENCES criteria (id),
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('area', 'focus', 'feature')),
    title_en TEXT NOT NULL,
    title_th TEXT,
    weight DOUBLE NOT NULL CHECK (weight > 0),
    scale_min INTEGER NOT NULL,
    scale_max INTEGER NOT NULL,
    required BOOLEAN NOT NULL,
    verified BOOLEAN NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (framework_id, code),
    CHECK (scale_max > scale_min)
);
CREATE INDEX criteria_parent ON criteria (framework_id, parent_id, position);

CREATE TABLE monitoring_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    framework_id BIGINT NOT NULL REFERENCES frameworks (id),
    year INTEGER NOT NULL,
    title_en TEXT NOT NULL,
    title_th TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'published')),
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (framework_id, year)
);

ALTER TABLE award_cycles ADD COLUMN framework_id BIGINT REFERENCES frameworks (id);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    evaluator_id BIGINT NOT NULL REFERENCES users (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    reason TEXT NOT NULL,
    declared_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (evaluator_id, city_id)
);

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    evaluator_id BIGINT NOT NULL REFERENCES users (id),
    framework_id BIGINT NOT NULL REFERENCES frameworks (id),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    nomination_id BIGINT REFERENCES nominations (id),
    round_id BIGINT REFERENCES monitoring_rounds (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'final', 'recused')),
    recusal_reason TEXT,
    return_reason TEXT,
    overall DOUBLE,
    submitted_at TIMESTAMP,
    assigned_by BIGINT NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((nomination_id IS NULL) <> (round_id IS NULL))
);
CREATE UNIQUE INDEX evaluations_nomination ON evaluations (evaluator_id, nomination_id) WHERE nomination_id IS NOT NULL;
CREATE UNIQUE INDEX evaluations_round ON evaluations (evaluator_id, round_id, city_id) WHERE round_id IS NOT NULL;
CREATE INDEX evaluations_city ON evaluations (city_id, status);

CREATE TABLE scores (
    evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
    criterion_id BIGINT NOT NULL REFERENCES criteria (id),
    score DOUBLE NOT NULL,
    comment TEXT,
    evidence_links TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (evaluation_id, criterion_id)
);
