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

diesel::allow_tables_to_appear_in_same_query!(
    users,
    refresh_tokens,
    api_keys,
    audit_log,
    cities,
    networks,
    memberships,
    countries,
    provinces
);
