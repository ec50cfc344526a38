//! The one diesel schema shared by both backends (portable column types only).

diesel::table! {
    countries (code) {
        code -> Text,
        name_en -> Text,
        name_th -> Text,
        name_sort -> Text,
        asean -> Bool,
        asean_plus_3 -> Bool,
    }
}

diesel::table! {
    provinces (code) {
        code -> Text,
        dopa_code -> Text,
        name_en -> Text,
        name_th -> Text,
        name_sort -> Text,
        region -> Text,
        region_name_en -> Text,
        region_name_th -> Text,
        lat -> Double,
        lon -> Double,
    }
}

diesel::table! {
    cities (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        name_sort -> Text,
        search_text -> Text,
        country_code -> Text,
        province_code -> Nullable<Text>,
        lat -> Nullable<Double>,
        lon -> Nullable<Double>,
        population -> Nullable<BigInt>,
        area_km2 -> Nullable<Double>,
        website -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        geonames_id -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
        population_year -> Nullable<Integer>,
        population_source -> Nullable<Text>,
    }
}

diesel::table! {
    networks (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        name_sort -> Text,
        scope -> Text,
        status -> Text,
        country_code -> Nullable<Text>,
        secretariat_en -> Nullable<Text>,
        secretariat_th -> Nullable<Text>,
        founded_year -> Nullable<Integer>,
        website -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        city_id -> BigInt,
        network_id -> BigInt,
        role -> Text,
        status -> Text,
        joined_year -> Nullable<Integer>,
        joined_on -> Nullable<Date>,
        left_year -> Nullable<Integer>,
        source_url -> Nullable<Text>,
        note -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(cities -> countries (country_code));
diesel::joinable!(cities -> provinces (province_code));
diesel::joinable!(memberships -> cities (city_id));
diesel::joinable!(memberships -> networks (network_id));
diesel::joinable!(networks -> countries (country_code));

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        city_id -> Nullable<BigInt>,
        session_epoch -> Integer,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        name -> Text,
        owner -> Text,
        prefix -> Text,
        key_hash -> Text,
        scopes -> Text,
        rate_limit_per_minute -> Nullable<Integer>,
        created_by -> BigInt,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_user_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        before -> Nullable<Text>,
        after -> Nullable<Text>,
        import_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    service_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(users -> cities (city_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(api_keys -> users (created_by));

diesel::table! {
    award_programmes (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        organisers_en -> Nullable<Text>,
        organisers_th -> Nullable<Text>,
        secretariat_en -> Nullable<Text>,
        secretariat_th -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        website -> Nullable<Text>,
        eligible_country -> Nullable<Text>,
        membership_network_id -> Nullable<BigInt>,
        min_membership_months -> Nullable<Integer>,
        cooldown_years -> Nullable<Integer>,
        max_winners_per_country -> Nullable<Integer>,
        eligibility_notes -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    award_cycles (id) {
        id -> BigInt,
        programme_id -> BigInt,
        year -> Integer,
        title_en -> Text,
        title_th -> Nullable<Text>,
        status -> Text,
        nominations_open_on -> Nullable<Date>,
        nominations_close_on -> Nullable<Date>,
        ceremony_on -> Nullable<Date>,
        ceremony_en -> Nullable<Text>,
        ceremony_th -> Nullable<Text>,
        summary_en -> Nullable<Text>,
        summary_th -> Nullable<Text>,
        criteria -> Nullable<Text>,
        source_url -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        framework_id -> Nullable<BigInt>,
        announced_winners -> Nullable<Integer>,
    }
}

diesel::table! {
    award_categories (id) {
        id -> BigInt,
        cycle_id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    nominations (id) {
        id -> BigInt,
        cycle_id -> BigInt,
        category_id -> BigInt,
        city_id -> BigInt,
        status -> Text,
        statement -> Nullable<Text>,
        evidence_links -> Text,
        submitted_by -> Nullable<BigInt>,
        source_url -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(award_cycles -> award_programmes (programme_id));
diesel::joinable!(award_categories -> award_cycles (cycle_id));
diesel::joinable!(nominations -> award_categories (category_id));
diesel::joinable!(nominations -> award_cycles (cycle_id));
diesel::joinable!(nominations -> cities (city_id));
diesel::joinable!(award_programmes -> networks (membership_network_id));

diesel::table! {
    frameworks (id) {
        id -> BigInt,
        slug -> Text,
        family -> Text,
        version -> Integer,
        name_en -> Text,
        name_th -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        source_url -> Nullable<Text>,
        verified -> Bool,
        frozen_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    criteria (id) {
        id -> BigInt,
        framework_id -> BigInt,
        parent_id -> Nullable<BigInt>,
        code -> Text,
        level -> Text,
        title_en -> Text,
        title_th -> Nullable<Text>,
        weight -> Double,
        scale_min -> Integer,
        scale_max -> Integer,
        required -> Bool,
        verified -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    monitoring_rounds (id) {
        id -> BigInt,
        framework_id -> BigInt,
        year -> Integer,
        title_en -> Text,
        title_th -> Nullable<Text>,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    conflicts (id) {
        id -> BigInt,
        evaluator_id -> BigInt,
        city_id -> BigInt,
        reason -> Text,
        declared_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    evaluations (id) {
        id -> BigInt,
        evaluator_id -> BigInt,
        framework_id -> BigInt,
        city_id -> BigInt,
        nomination_id -> Nullable<BigInt>,
        round_id -> Nullable<BigInt>,
        status -> Text,
        recusal_reason -> Nullable<Text>,
        return_reason -> Nullable<Text>,
        overall -> Nullable<Double>,
        submitted_at -> Nullable<Timestamp>,
        assigned_by -> BigInt,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    scores (evaluation_id, criterion_id) {
        evaluation_id -> BigInt,
        criterion_id -> BigInt,
        score -> Double,
        comment -> Nullable<Text>,
        evidence_links -> Text,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(criteria -> frameworks (framework_id));
diesel::joinable!(award_cycles -> frameworks (framework_id));
diesel::joinable!(monitoring_rounds -> frameworks (framework_id));
diesel::joinable!(conflicts -> cities (city_id));
diesel::joinable!(evaluations -> cities (city_id));
diesel::joinable!(evaluations -> frameworks (framework_id));
diesel::joinable!(evaluations -> nominations (nomination_id));
diesel::joinable!(evaluations -> monitoring_rounds (round_id));
diesel::joinable!(scores -> evaluations (evaluation_id));
diesel::joinable!(scores -> criteria (criterion_id));

diesel::table! {
    api_key_usage (key_id, day) {
        key_id -> BigInt,
        day -> Date,
        requests -> BigInt,
    }
}

diesel::joinable!(api_key_usage -> api_keys (key_id));

diesel::table! {
    data_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    api_key_usage,
    award_programmes,
    frameworks,
    criteria,
    monitoring_rounds,
    conflicts,
    evaluations,
    scores,
    award_cycles,
    award_categories,
    nominations,
    users,
    refresh_tokens,
    api_keys,
    audit_log,
    cities,
    networks,
    memberships,
    countries,
    provinces,
    sources,
    unverified,
    network_census,
    initiatives,
    initiative_cities,
    organisations,
    organisation_roles,
    event_series,
    events,
    event_details,
    event_sessions,
    event_cities
);

diesel::table! {
    sources (id) {
        id -> BigInt,
        entity -> Text,
        entity_id -> BigInt,
        position -> Integer,
        url -> Nullable<Text>,
        title -> Nullable<Text>,
        publisher -> Nullable<Text>,
        published_on -> Nullable<Date>,
        accessed_on -> Nullable<Date>,
        excerpt -> Nullable<Text>,
    }
}

diesel::table! {
    unverified (entity, entity_id) {
        entity -> Text,
        entity_id -> BigInt,
        reason -> Text,
    }
}

diesel::table! {
    network_census (id) {
        id -> BigInt,
        network_id -> BigInt,
        as_of -> Date,
        members -> Nullable<Integer>,
        countries -> Nullable<Integer>,
        new_members -> Nullable<Integer>,
        new_countries -> Nullable<Integer>,
        note -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    initiatives (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        name_sort -> Text,
        lead_en -> Nullable<Text>,
        lead_th -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        website -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    initiative_cities (id) {
        id -> BigInt,
        initiative_id -> BigInt,
        city_id -> BigInt,
        role -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    seed_parts (name) {
        name -> Text,
        applied_at -> Timestamp,
    }
}

diesel::joinable!(network_census -> networks (network_id));
diesel::joinable!(initiative_cities -> initiatives (initiative_id));
diesel::joinable!(initiative_cities -> cities (city_id));

diesel::table! {
    organisations (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        name_sort -> Text,
        abbreviation_en -> Nullable<Text>,
        abbreviation_th -> Nullable<Text>,
        kind -> Text,
        country_code -> Nullable<Text>,
        website -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    organisation_roles (id) {
        id -> BigInt,
        organisation_id -> BigInt,
        role -> Text,
        target_kind -> Text,
        target_id -> BigInt,
        from_year -> Nullable<Integer>,
        to_year -> Nullable<Integer>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(organisation_roles -> organisations (organisation_id));

diesel::table! {
    event_series (id) {
        id -> BigInt,
        slug -> Text,
        name_en -> Text,
        name_th -> Nullable<Text>,
        description_en -> Nullable<Text>,
        description_th -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        slug -> Text,
        event_type -> Text,
        series_id -> Nullable<BigInt>,
        edition -> Nullable<Integer>,
        title_en -> Text,
        title_th -> Nullable<Text>,
        summary_en -> Nullable<Text>,
        summary_th -> Nullable<Text>,
        year -> Nullable<Integer>,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        starts_at -> Nullable<Text>,
        ends_at -> Nullable<Text>,
        time_zone -> Text,
        first_day -> Nullable<Integer>,
        last_day -> Nullable<Integer>,
        network_id -> Nullable<BigInt>,
        award_cycle_id -> Nullable<BigInt>,
        initiative_id -> Nullable<BigInt>,
        census_id -> Nullable<BigInt>,
        status -> Text,
        proposed_by -> Nullable<BigInt>,
        proposing_city_id -> Nullable<BigInt>,
        review_note -> Nullable<Text>,
        search_text -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        archived_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    event_details (event_id) {
        event_id -> BigInt,
        mode -> Nullable<Text>,
        venue_name_en -> Nullable<Text>,
        venue_name_th -> Nullable<Text>,
        venue_address -> Nullable<Text>,
        venue_city_id -> Nullable<BigInt>,
        venue_latitude -> Nullable<Double>,
        venue_longitude -> Nullable<Double>,
        languages -> Text,
        interpretation -> Text,
        live_stream_url -> Nullable<Text>,
        recording_url -> Nullable<Text>,
        expected_attendance -> Nullable<Integer>,
        reported_attendance -> Nullable<Integer>,
        attendance_note -> Nullable<Text>,
    }
}

diesel::table! {
    event_sessions (id) {
        id -> BigInt,
        event_id -> BigInt,
        position -> Integer,
        title_en -> Text,
        title_th -> Nullable<Text>,
        on_date -> Nullable<Date>,
        starts_at -> Nullable<Text>,
        ends_at -> Nullable<Text>,
        part_of_day -> Nullable<Text>,
        live_streamed -> Nullable<Bool>,
        speakers -> Text,
    }
}

diesel::table! {
    event_cities (id) {
        id -> BigInt,
        event_id -> BigInt,
        city_id -> BigInt,
        role -> Text,
    }
}

diesel::joinable!(events -> event_series (series_id));
diesel::joinable!(event_details -> events (event_id));
diesel::joinable!(event_sessions -> events (event_id));
diesel::joinable!(event_cities -> events (event_id));
diesel::joinable!(event_cities -> cities (city_id));
