//! API shapes of networks and network members, and their list parameters.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::provenance::{Entity, Provenance};
use crate::types::Localized;

crate::text_enum! {
    /// Geographic scope of a network.
    pub enum NetworkScope {
        Global = "global",
        Regional = "regional",
        National = "national",
    }
}

crate::text_enum! {
    /// Whether a network operates yet.
    pub enum NetworkStatus {
        Active = "active",
        Planned = "planned",
        Inactive = "inactive",
    }
}

crate::text_enum! {
    /// Role of a city in a network.
    pub enum MembershipRole {
        Member = "member",
        Secretariat = "secretariat",
        Mentor = "mentor",
    }
}

crate::text_enum! {
    /// Standing of a membership.
    pub enum MembershipStatus {
        Active = "active",
        Former = "former",
        Suspended = "suspended",
    }
}

/// A network of learning cities.
#[derive(Debug, Serialize, ToSchema)]
pub struct Network {
    /// Stable numeric id.
    pub id: i64,
    /// Stable URL key.
    #[schema(example = "unesco-gnlc")]
    pub slug: String,
    /// Name in English and Thai.
    pub name: Localized,
    /// `global`, `regional` or `national`.
    pub scope: NetworkScope,
    /// `active`, `planned` or `inactive`.
    pub status: NetworkStatus,
    /// The country of a national network.
    pub country: Option<String>,
    /// The body that coordinates the network.
    pub secretariat: Option<Localized>,
    /// The year the network was founded, where documented.
    pub founded_year: Option<i32>,
    /// Website.
    pub website: Option<String>,
    /// Description in English and Thai.
    pub description: Option<Localized>,
    /// Number of active member cities recorded here (see `reported` for the network's size as
    /// its organisers last reported it).
    pub member_count: i64,
    /// The network's size as last reported by its organisers (the newest entry of its
    /// census), where there is one: compare with `member_count` to see how much of the
    /// network is recorded here.
    pub reported: Option<super::census::types::Reported>,
    /// The organisations with a role in the network (secretariat, coordinator, partner, ...),
    /// beside the free-text `secretariat` kept for older clients.
    pub organisations: Vec<crate::organisations::types::OrganisationLink>,
    /// The network's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record last changed.
    pub updated_at: DateTime<Utc>,
    /// When the network was archived (only on archived networks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<DateTime<Utc>>,
}

/// The city of a network member row.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberCity {
    /// City id.
    pub id: i64,
    /// City slug.
    pub slug: String,
    /// City name.
    pub name: Localized,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// ISO 3166-2:TH province code, for Thai cities.
    pub province: Option<String>,
    /// Latitude, where known.
    pub lat: Option<f64>,
    /// Longitude, where known.
    pub lon: Option<f64>,
}

/// A city's membership in the network.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkMember {
    /// Membership id.
    pub membership_id: i64,
    /// The member city.
    pub city: MemberCity,
    /// `member`, `secretariat` or `mentor`.
    pub role: MembershipRole,
    /// `active`, `former` or `suspended`.
    pub status: MembershipStatus,
    /// The year the city joined, where known.
    pub joined_year: Option<i32>,
    /// The date membership was announced, where known to the day.
    pub joined_on: Option<NaiveDate>,
    /// The year the city left, if it did.
    pub left_year: Option<i32>,
    /// Where the membership is documented.
    pub source_url: Option<String>,
    /// Remarks on the record, such as conflicting sources.
    pub note: Option<String>,
    /// The membership's sources and whether it is verified.
    #[serde(flatten)]
    pub provenance: Provenance,
}

crate::sourced!(Network, Entity::Network, id);

crate::sourced!(NetworkMember, Entity::Membership, membership_id);

crate::page_type!(
    /// A page of networks.
    NetworkPage,
    Network
);
crate::page_type!(
    /// A page of network members.
    NetworkMemberPage,
    NetworkMember
);

crate::sort_param!(
    /// Orders of the network list (ties broken by id).
    NetworkSort default Name {
        Name => "name",
        NameDesc => "-name",
    }
);

crate::sort_param!(
    /// Orders of a network's member list: by join year (unknown years last) or by city name;
    /// ties broken by membership id.
    MemberSort default Joined {
        Joined => "joined",
        JoinedDesc => "-joined",
        Name => "name",
        NameDesc => "-name",
    }
);

crate::list_query! {
    /// Query parameters of `GET /networks`.
    NetworkListQuery {
        /// Only networks of this scope.
        #[param(value_type = Option<NetworkScope>)]
        pub scope: Option<String>,
        /// Only networks with this status.
        #[param(value_type = Option<NetworkStatus>)]
        pub status: Option<String>,
        /// Case-insensitive search in English and Thai names.
        #[param(min_length = 1, max_length = 100)]
        pub q: Option<String>,
        /// Order.
        #[param(value_type = Option<NetworkSort>)]
        pub sort: Option<String>,
    } downloads
}

crate::list_query! {
    /// Query parameters of `GET /networks/{slug}/members`.
    MemberListQuery {
        /// ISO 3166-1 alpha-2 country code of the member city.
        #[param(example = "TH", pattern = "^[A-Za-z]{2}$")]
        pub country: Option<String>,
        /// Only memberships with this role.
        #[param(value_type = Option<MembershipRole>)]
        pub role: Option<String>,
        /// Only memberships with this status.
        #[param(value_type = Option<MembershipStatus>)]
        pub status: Option<String>,
        /// Joined in a year range: `2020`, `2019..2022`, `2020..` or `..2022`.
        #[param(
            example = "2019..2022",
            pattern = "^([0-9]{4}|[0-9]{4}\\.\\.|\\.\\.[0-9]{4}|[0-9]{4}\\.\\.[0-9]{4})$"
        )]
        pub member_since: Option<String>,
        /// Order.
        #[param(value_type = Option<MemberSort>)]
        pub sort: Option<String>,
    } downloads
}

/// The body of `POST /networks` and `PATCH /networks/{slug}` (JSON merge patch).
#[derive(Debug, ToSchema)]
pub struct NetworkInput {
    /// URL key; derived from the English name when left out on create.
    #[schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 100)]
    pub slug: Option<String>,
    /// Name; `en` is required on create.
    pub name: Option<crate::types::LocalizedInput>,
    /// Required on create.
    pub scope: Option<NetworkScope>,
    /// Default `active`.
    pub status: Option<NetworkStatus>,
    /// The country of a national network.
    pub country: Option<String>,
    /// The coordinating body.
    pub secretariat: Option<crate::types::LocalizedInput>,
    /// 1900 to next year.
    pub founded_year: Option<i32>,
    /// An http(s) URL.
    pub website: Option<String>,
    /// Description in English and Thai.
    pub description: Option<crate::types::LocalizedInput>,
    /// The network's sources (at most 20; each needs a `url` or a `title`); replaces the list.
    pub sources: Option<Vec<crate::provenance::Source>>,
    /// Marks the network as not verified, with the reason; `null` clears the mark.
    pub unverified_reason: Option<String>,
}

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const NETWORK_COLUMNS: &[&str] = &[
    "id",
    "slug",
    "name.en",
    "name.th",
    "scope",
    "status",
    "country",
    "secretariat.en",
    "secretariat.th",
    "founded_year",
    "website",
    "description.en",
    "description.th",
    "member_count",
    "reported.members",
    "reported.countries",
    "reported.as_of",
    "reported.source_url",
    "sources",
    "verified",
    "unverified_reason",
    "created_at",
    "updated_at",
];

/// The CSV columns of the list: fields of a row, nested ones by dotted path.
pub const MEMBER_COLUMNS: &[&str] = &[
    "membership_id",
    "city.id",
    "city.slug",
    "city.name.en",
    "city.name.th",
    "city.country",
    "city.province",
    "city.lat",
    "city.lon",
    "role",
    "status",
    "joined_year",
    "joined_on",
    "left_year",
    "source_url",
    "note",
    "sources",
    "verified",
    "unverified_reason",
];
