//! Mounts every operation; the same registration feeds the server and the OpenAPI document.

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::open_data::{changes, datasets, stats};
use crate::{
    api_keys, audit, auth, awards, cities, evaluations, health, initiatives, memberships, networks,
    observability, reference, users,
};

/// The base path of the versioned API.
pub const API_V1: &str = "/api/v1";

/// Registers the probes and the `/api/v1` operations.
pub fn register(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(observability::metrics::metrics)
        .service(
            scope(API_V1)
                .service(auth::routes::login)
                .service(auth::routes::refresh)
                .service(auth::routes::logout)
                .service(auth::routes::me)
                .service(cities::routes::list_cities)
                .service(cities::routes::create_city)
                .service(cities::routes::get_city)
                .service(cities::routes::update_city)
                .service(cities::routes::archive_city)
                .service(cities::routes::restore_city)
                .service(awards::city_awards::routes::city_awards)
                .service(awards::programmes::routes::list_programmes)
                .service(awards::programmes::routes::get_programme)
                .service(awards::cycles::routes::list_cycles)
                .service(awards::cycles::routes::create_cycle)
                .service(awards::cycles::routes::get_cycle)
                .service(awards::cycles::routes::update_cycle)
                .service(awards::cycles::routes::transition_cycle)
                .service(awards::categories::routes::list_categories)
                .service(awards::categories::routes::get_category)
                .service(awards::nominations::routes::list_nominations)
                .service(awards::nominations::routes::create_nomination)
                .service(awards::nominations::routes::get_nomination)
                .service(awards::nominations::routes::withdraw_nomination)
                .service(awards::nominations::routes::decide_nomination)
                .service(evaluations::results::routes::rankings)
                .service(evaluations::results::routes::city_evaluations)
                .service(evaluations::frameworks::routes::list_frameworks)
                .service(evaluations::frameworks::routes::get_framework)
                .service(evaluations::frameworks::routes::change_criterion)
                .service(evaluations::rounds::routes::list_rounds)
                .service(evaluations::rounds::routes::create_round)
                .service(evaluations::rounds::routes::publish_round)
                .service(evaluations::conflicts::routes::list_conflicts)
                .service(evaluations::conflicts::routes::declare_conflict)
                .service(evaluations::scoring::routes::list_evaluations)
                .service(evaluations::scoring::routes::assign)
                .service(evaluations::scoring::routes::get_evaluation)
                .service(evaluations::scoring::routes::save_scores)
                .service(evaluations::scoring::routes::submit)
                .service(evaluations::scoring::routes::recuse)
                .service(evaluations::scoring::routes::return_evaluation)
                .service(evaluations::scoring::routes::finalise)
                .service(evaluations::results::routes::area_averages)
                .service(evaluations::results::routes::list_published_scores)
                .service(changes::list_changes)
                .service(stats::routes::overview)
                .service(stats::routes::membership_growth)
                .service(stats::routes::coverage)
                .service(stats::routes::cities_by_country)
                .service(stats::routes::cities_by_region)
                .service(stats::routes::awards)
                .service(datasets::list_datasets)
                .service(datasets::download)
                .service(networks::routes::list_networks)
                .service(networks::routes::create_network)
                .service(networks::routes::get_network)
                .service(networks::routes::update_network)
                .service(networks::routes::archive_network)
                .service(networks::routes::restore_network)
                .service(networks::routes::list_members)
                .service(networks::census::routes::network_census)
                .service(initiatives::routes::list_initiatives)
                .service(initiatives::routes::get_initiative)
                .service(memberships::routes::create_membership)
                .service(memberships::routes::get_membership)
                .service(memberships::routes::update_membership)
                .service(memberships::routes::archive_membership)
                .service(memberships::routes::restore_membership)
                .service(reference::routes::list_countries)
                .service(reference::routes::list_provinces)
                .service(users::routes::list_users)
                .service(users::routes::create_user)
                .service(users::routes::get_user)
                .service(users::routes::update_user)
                .service(users::routes::deactivate_user)
                .service(api_keys::routes::create_api_key)
                .service(api_keys::routes::list_api_keys)
                .service(api_keys::routes::revoke_api_key)
                .service(api_keys::routes::key_usage)
                .service(audit::routes::list_audit),
        );
}
