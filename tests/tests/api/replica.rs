//! `DATABASE_READ_URL`: public reads are served by a streaming replica, writes and signed-in
//! users stay on the primary. Runs a real PostgreSQL primary and hot standby from the local
//! binaries, on loopback ports in a temporary directory.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use cluster::Cluster;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{slugs, Backend, TestApp, USER_PASSWORD};

/// A PostgreSQL primary with one streaming hot standby, stopped when dropped.
mod cluster {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};
    use std::time::{Duration, Instant};

    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    use diesel::{Connection, PgConnection, RunQueryDsl};

    /// The programs the cluster needs from the PostgreSQL server installation.
    const TOOLS: [&str; 4] = ["initdb", "pg_ctl", "pg_basebackup", "postgres"];
    /// The role and database the service uses.
    const APP: &str = "replica_app";
    /// How long setup steps (start, streaming, replay) may take.
    const SETUP_DEADLINE: Duration = Duration::from_secs(60);

    /// The running servers; both are stopped (`pg_ctl stop -m immediate`) on drop, also when a
    /// test fails half-way through setting them up.
    pub struct Cluster {
        bin: PathBuf,
        as_postgres: bool,
        /// Data directories of the servers started so far, in start order.
        started: Vec<PathBuf>,
        primary_port: u16,
        replica_port: u16,
        dir: tempfile::TempDir,
    }

    impl Drop for Cluster {
        fn drop(&mut self) {
            for data in self.started.iter().rev() {
                let _ = self
                    .pg("pg_ctl")
                    .args(["stop", "-m", "immediate", "-D"])
                    .arg(data)
                    .output();
            }
        }
    }

    impl Cluster {
        /// Initialises and starts the primary with the app's role and database, clones it with
        /// `pg_basebackup`, starts the clone as a hot standby and waits until it streams.
        pub fn start() -> Cluster {
            let bin = bindir();
            let as_postgres = effective_uid() == 0;
            let dir = tempfile::Builder::new()
                .prefix("lc-replica-")
                .tempdir()
                .expect("temp dir");
            if as_postgres {
                // initdb refuses to run as root: the servers run as `postgres`, in a folder it owns.
                check(
                    Command::new("chown")
                        .arg("postgres:")
                        .arg(dir.path())
                        .output(),
                    "chown postgres: on the temp dir (running as root needs a `postgres` user)",
                );
            }
            let [primary_port, replica_port] = free_ports();
            let mut cluster = Cluster {
                bin,
                as_postgres,
                started: Vec::new(),
                primary_port,
                replica_port,
                dir,
            };
            cluster.start_primary();
            cluster.start_replica();
            cluster.wait_streaming();
            cluster
        }

        fn primary_dir(&self) -> PathBuf {
            self.dir.path().join("primary")
        }

        fn replica_dir(&self) -> PathBuf {
            self.dir.path().join("replica")
        }

        /// A command running PostgreSQL program `tool`, as `postgres` when this is root.
        fn pg(&self, tool: &str) -> Command {
            let program = self.bin.join(tool);
            let mut command = if self.as_postgres {
                let mut runuser = Command::new("runuser");
                runuser.args(["-u", "postgres", "--"]).arg(program);
                runuser
            } else {
                Command::new(program)
            };
            command
                .current_dir(self.dir.path())
                .stdin(Stdio::null())
                .env_remove("PGDATA")
                .env_remove("PGPORT")
                .env_remove("PGHOST")
                .env_remove("PGUSER");
            command
        }

        /// `pg_ctl -w start` of the server in `data`, with its log beside it.
        fn pg_ctl_start(&mut self, data: PathBuf, what: &str) {
            let log = data.with_extension("log");
            let outcome = self
                .pg("pg_ctl")
                .args(["-w", "-t", "60", "-D"])
                .arg(&data)
                .arg("-l")
                .arg(&log)
                .arg("start")
                .output();
            // Stop it on drop even if `pg_ctl` gave up waiting while the server came up.
            self.started.push(data);
            if !outcome.as_ref().is_ok_and(|o| o.status.success()) {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                check(outcome, &format!("{what}; server log:\n{log}"));
            }
        }

        fn start_primary(&mut self) {
            let data = self.primary_dir();
            check(
                self.pg("initdb")
                    .arg("-D")
                    .arg(&data)
                    .args(["-U", "postgres", "--auth=trust", "--no-locale"])
                    .args(["--encoding=UTF8", "--no-sync"])
                    .output(),
                "initdb of the primary",
            );
            append(
                &data.join("postgresql.conf"),
                &format!(
                    "\n# test cluster\nlisten_addresses = '127.0.0.1'\nport = {}\n\
                     unix_socket_directories = '{}'\nwal_level = replica\nmax_wal_senders = 4\n\
                     hot_standby = on\nmax_connections = 40\nshared_buffers = 16MB\n\
                     fsync = off\nfull_page_writes = off\n",
                    self.primary_port,
                    self.dir.path().display()
                ),
            );
            self.pg_ctl_start(data, "starting the primary");
            let mut conn = connect(&self.superuser_url(self.primary_port));
            for statement in [
                format!("CREATE ROLE {APP} LOGIN PASSWORD '{APP}'"),
                format!("CREATE DATABASE {APP} OWNER {APP}"),
            ] {
                diesel::sql_query(&statement)
                    .execute(&mut conn)
                    .unwrap_or_else(|e| panic!("{statement}: {e}"));
            }
        }

        fn start_replica(&mut self) {
            let data = self.replica_dir();
            check(
                self.pg("pg_basebackup")
                    .args(["-h", "127.0.0.1", "-p", &self.primary_port.to_string()])
                    .args(["-U", "postgres", "-D"])
                    .arg(&data)
                    .args(["-R", "--checkpoint=fast", "--no-sync"])
                    .output(),
                "pg_basebackup of the primary",
            );
            append(
                &data.join("postgresql.conf"),
                &format!(
                    "\n# the standby\nport = {}\nhot_standby = on\n",
                    self.replica_port
                ),
            );
            self.pg_ctl_start(data, "starting the replica");
        }

        fn wait_streaming(&self) {
            let mut primary = connect(&self.superuser_url(self.primary_port));
            poll(
                "the primary's pg_stat_replication to show the standby streaming",
                || {
                    query_bool(
                        &mut primary,
                        "(SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming') = 1",
                    )
                },
            );
        }

        fn superuser_url(&self, port: u16) -> String {
            format!("postgres://postgres@127.0.0.1:{port}/postgres")
        }

        /// The service's primary database (`DATABASE_URL`).
        pub fn primary_url(&self) -> String {
            format!(
                "postgres://{APP}:{APP}@127.0.0.1:{}/{APP}",
                self.primary_port
            )
        }

        /// The same database on the replica (`DATABASE_READ_URL`).
        pub fn replica_url(&self) -> String {
            format!(
                "postgres://{APP}:{APP}@127.0.0.1:{}/{APP}",
                self.replica_port
            )
        }

        /// Whether `condition` holds on the replica's copy of the app database.
        pub fn on_replica(&self, condition: &str) -> bool {
            query_bool(&mut connect(&self.replica_url()), condition)
        }

        /// Waits until the replica has replayed everything the primary wrote so far.
        pub fn catch_up(&self) {
            let lsn: String = diesel::select(sql::<Text>("pg_current_wal_lsn()::text"))
                .get_result(&mut connect(&self.superuser_url(self.primary_port)))
                .expect("primary WAL position");
            let mut replica = connect(&self.superuser_url(self.replica_port));
            poll(&format!("the replica to replay up to {lsn}"), || {
                query_bool(
                    &mut replica,
                    &format!("pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn"),
                )
            });
        }

        /// Pauses WAL replay on the replica and waits until it is paused (PostgreSQL 14 or later).
        pub fn pause_replay(&self) {
            let mut replica = connect(&self.superuser_url(self.replica_port));
            diesel::sql_query("SELECT pg_wal_replay_pause()")
                .execute(&mut replica)
                .expect("pg_wal_replay_pause()");
            poll("replay on the replica to pause", || {
                query_bool(&mut replica, "pg_get_wal_replay_pause_state() = 'paused'")
            });
        }

        /// Resumes WAL replay on the replica.
        pub fn resume_replay(&self) {
            diesel::sql_query("SELECT pg_wal_replay_resume()")
                .execute(&mut connect(&self.superuser_url(self.replica_port)))
                .expect("pg_wal_replay_resume()");
        }
    }

    /// The folder of the PostgreSQL server programs: `pg_config --bindir`, else the newest
    /// `/usr/lib/postgresql/*/bin` that has them all.
    fn bindir() -> PathBuf {
        let mut candidates = Vec::new();
        if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
            if out.status.success() {
                candidates.push(PathBuf::from(
                    String::from_utf8_lossy(&out.stdout).trim().to_owned(),
                ));
            }
        }
        let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let version = entry.file_name().to_str()?.parse().ok()?;
                Some((version, entry.path().join("bin")))
            })
            .collect();
        versions.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
        candidates.extend(versions.into_iter().map(|(_, dir)| dir));
        candidates
            .into_iter()
            .find(|dir| TOOLS.iter().all(|tool| dir.join(tool).is_file()))
            .unwrap_or_else(|| {
                panic!(
                    "the PostgreSQL server programs ({}) were not found via `pg_config --bindir` \
                     or in /usr/lib/postgresql/*/bin: install the Debian package `postgresql` \
                     (scripts/ensure-postgres does)",
                    TOOLS.join(", ")
                )
            })
    }

    /// The effective user id of this process (from /proc/self/status).
    fn effective_uid() -> u32 {
        let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            .and_then(|euid| euid.parse().ok())
            .expect("effective uid in /proc/self/status")
    }

    /// Two loopback ports that were free a moment ago, below the kernel's ephemeral range: the
    /// other tests of this process keep opening sockets (servers on port 0, client connections)
    /// that take ephemeral ports, and one could take a port between this check and the
    /// server's start. A pseudo-random start keeps concurrent runs of the suite apart.
    fn free_ports() -> [u16; 2] {
        let ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
            .ok()
            .and_then(|range| range.split_whitespace().next()?.parse::<u16>().ok())
            .unwrap_or(32768);
        let low = (ephemeral / 2).max(1024);
        let span = u32::from(ephemeral.saturating_sub(low));
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default()
            ^ std::process::id();
        let mut free = (0..span)
            .map(|i| low + ((seed.wrapping_add(i) % span) as u16))
            .filter(|&port| std::net::TcpListener::bind(("127.0.0.1", port)).is_ok());
        let mut next = || free.next().expect("a free port below the ephemeral range");
        [next(), next()]
    }

    fn append(path: &Path, text: &str) {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .unwrap_or_else(|e| panic!("append to {}: {e}", path.display()));
    }

    fn check(outcome: std::io::Result<Output>, what: &str) {
        let out = outcome.unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
        assert!(
            out.status.success(),
            "{what} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn connect(url: &str) -> PgConnection {
        PgConnection::establish(url).unwrap_or_else(|e| panic!("connect to {url}: {e}"))
    }

    fn query_bool(conn: &mut PgConnection, condition: &str) -> bool {
        diesel::select(sql::<Bool>(condition))
            .get_result(conn)
            .unwrap_or_else(|e| panic!("SELECT {condition}: {e}"))
    }

    /// Polls `condition` until it holds; panics after [`SETUP_DEADLINE`].
    fn poll(what: &str, mut condition: impl FnMut() -> bool) {
        let deadline = Instant::now() + SETUP_DEADLINE;
        while !condition() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// How long a public read may take to show what the replica has replayed (the response cache
/// notices the replica's `data_version` within about 50 ms).
const VISIBLE_DEADLINE: Duration = Duration::from_secs(30);

/// Polls `check` until it is `Ok`; panics with its last complaint after [`VISIBLE_DEADLINE`].
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let deadline = Instant::now() + VISIBLE_DEADLINE;
    loop {
        match check().await {
            Ok(()) => return,
            Err(last) => assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}: {last}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The cities this test made, as an anonymous caller sees them.
const OURS: &str = "/api/v1/cities?q=Synthetic%20replica&limit=100";

/// The slugs of the anonymous city list `OURS`.
async fn public_slugs(app: &TestApp) -> Vec<String> {
    slugs(app.json(OURS).await["items"].as_array().expect("items"))
}

/// Creates a synthetic city as `admin`; returns its slug.
async fn create_city(app: &TestApp, admin: &str, n: u32) -> String {
    let body = json!({
        "slug": format!("synthetic-replica-{n}"),
        "name": {"en": format!("Synthetic replica town {n}"), "th": format!("เมืองสังเคราะห์ {n}")},
        "country": "TH",
        "province": "TH-55",
    });
    let reply = app.post("/api/v1/cities", Some(admin), &body).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "create city: {}",
        reply.body
    );
    reply.body["slug"].as_str().expect("slug").to_owned()
}

/// Runs blocking cluster work without stalling the other runtime worker.
fn blocking<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_reads_are_served_by_the_replica_writes_and_sessions_by_the_primary() {
    let cluster = tokio::task::spawn_blocking(Cluster::start)
        .await
        .expect("cluster task");
    let replica_url = cluster.replica_url();
    let app = TestApp::spawn_at(Backend::Postgres, &cluster.primary_url(), |config| {
        config.database_read_url = Some(replica_url);
    })
    .await;
    let admin = app.admin_token().await;
    let issued = app
        .post(
            "/api/v1/api-keys",
            Some(&admin),
            &json!({"name": "Synthetic replica portal", "owner": "synthetic test owner"}),
        )
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.body);
    let key = issued.body["key"].as_str().expect("key").to_owned();
    let key_id = issued.body["api_key"]["id"].as_i64().expect("key id");

    // The replica has everything; public reads work (and warm the response cache).
    blocking(|| cluster.catch_up());
    let seeded_total = app.json("/api/v1/cities?limit=1").await["total"].clone();
    assert!(
        seeded_total.as_i64().is_some_and(|n| n > 0),
        "{seeded_total}"
    );
    assert_eq!(public_slugs(&app).await, Vec::<String>::new());

    // From now on, only the primary sees new writes.
    blocking(|| cluster.pause_replay());
    let slug = create_city(&app, &admin, 0).await;
    let path = format!("/api/v1/cities/{slug}");
    assert!(blocking(|| cluster.on_replica(&format!(
        "NOT EXISTS (SELECT 1 FROM cities WHERE slug = '{slug}')"
    ))));

    // The writer reads their own write: a signed-in user's reads use the primary.
    let own = app.get_as(&path, &admin).await;
    assert_eq!(own.status, StatusCode::OK, "admin read: {}", own.body);
    assert_eq!(own.body["slug"], slug);
    // Public reads come from the replica, which has not replayed it.
    app.get(&path).await.problem(404, "not_found");
    app.get_with_key(&path, &key)
        .await
        .problem(404, "not_found");
    assert_eq!(public_slugs(&app).await, Vec::<String>::new());
    assert_eq!(
        app.json("/api/v1/cities?limit=1").await["total"],
        seeded_total
    );

    // A write made for an API-key caller goes to the primary: the key's first use stamped
    // `last_used_at` there (a write the replica would refuse), and the replica has not seen it.
    let keys = app.get_as("/api/v1/api-keys", &admin).await;
    assert_eq!(keys.status, StatusCode::OK, "{}", keys.body);
    let listed = keys.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|k| k["id"] == key_id)
        .expect("the key is listed");
    assert!(listed["last_used_at"].is_string(), "{listed}");
    assert!(blocking(|| cluster.on_replica(&format!(
        "(SELECT last_used_at IS NULL FROM api_keys WHERE id = {key_id})"
    ))));

    // Anonymous writes go to the primary too: a user that exists only there signs in (reads the
    // user, stores a refresh token), rotates the refresh token (reads and writes it), and then
    // reads as themselves.
    let email = "synthetic-replica-user@example.org";
    let user = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({"email": email, "display_name": "Synthetic replica user",
                    "role": "secretariat", "password": USER_PASSWORD}),
        )
        .await;
    assert_eq!(user.status, StatusCode::CREATED, "{}", user.body);
    assert!(blocking(|| cluster.on_replica(&format!(
        "NOT EXISTS (SELECT 1 FROM users WHERE email = '{email}')"
    ))));
    let session = app.login(email, USER_PASSWORD).await;
    let rotated = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(rotated.status, StatusCode::OK, "refresh: {}", rotated.body);
    let token = rotated.body["access_token"].as_str().expect("access token");
    let me = app.get_as("/api/v1/me", token).await;
    assert_eq!(me.status, StatusCode::OK, "me: {}", me.body);
    assert_eq!(me.body["email"], email);
    let own = app.get_as(&path, token).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);

    // Once the replica replays, public reads show the city within a short poll.
    blocking(|| cluster.resume_replay());
    eventually("the public read of the new city", || async {
        let anonymous = app.get(&path).await;
        let keyed = app.get_with_key(&path, &key).await;
        let listed = public_slugs(&app).await;
        match (anonymous.status, keyed.status, listed.contains(&slug)) {
            (StatusCode::OK, StatusCode::OK, true) => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(app.json(&path).await["slug"], slug);

    // Public reads keep answering while writes go on, and then show every write.
    let writing = AtomicBool::new(true);
    let writes = async {
        let mut made = vec![slug.clone()];
        for n in 1..=5 {
            made.push(create_city(&app, &admin, n).await);
        }
        writing.store(false, Ordering::SeqCst);
        made
    };
    let reads = async {
        let mut answered = 0;
        loop {
            let list = app.get(OURS).await;
            assert_eq!(
                list.status,
                StatusCode::OK,
                "list during writes: {}",
                list.body
            );
            assert!(list.body["items"].is_array(), "{}", list.body);
            let detail = app.get(&path).await;
            assert_eq!(
                detail.status,
                StatusCode::OK,
                "read during writes: {}",
                detail.body
            );
            answered += 1;
            if !writing.load(Ordering::SeqCst) {
                return answered;
            }
        }
    };
    let (mut made, answered): (Vec<String>, u32) = tokio::join!(writes, reads);
    assert!(answered >= 1);
    made.sort();
    eventually("every write in the public list", || async {
        let mut listed = public_slugs(&app).await;
        listed.sort();
        if listed == made {
            Ok(())
        } else {
            Err(format!("listed {listed:?}, written {made:?}"))
        }
    })
    .await;
    assert_eq!(
        app.json("/api/v1/cities?limit=1").await["total"],
        Value::from(seeded_total.as_i64().expect("total") + 6)
    );

    app.stop().await;
}
