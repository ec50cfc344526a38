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

diesel::allow_tables_to_appear_in_same_query!(countries, provinces, cities, networks, memberships);
