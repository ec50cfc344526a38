//! Mounts every operation; the same registration feeds the server and the OpenAPI document.

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::{cities, health, networks, reference};

/// The base path of the versioned API.
pub const API_V1: &str = "/api/v1";

/// Registers the probes and the `/api/v1` operations.
pub fn register(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(
            scope(API_V1)
                .service(cities::routes::list_cities)
                .service(cities::routes::get_city)
                .service(networks::routes::list_networks)
                .service(networks::routes::get_network)
                .service(networks::routes::list_members)
                .service(reference::routes::list_countries)
                .service(reference::routes::list_provinces),
        );
}
