namespace MlOps.Tasks.Tracking;

/// <summary>SQLite's text of the schema's steps, in order.</summary>
internal static partial class StoreSchema
{
    private static string[] SqliteSteps =>
    [
        """
            CREATE TABLE runs (
                id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32),
                experiment TEXT NOT NULL,
                name TEXT,
                status TEXT NOT NULL CHECK (status IN ('Running', 'Finished', 'Failed', 'Killed')),
                start_ms INTEGER NOT NULL,
                end_ms INTEGER);
            CREATE INDEX runs_by_experiment ON runs (experiment, start_ms);
            CREATE TABLE params (
                run_id TEXT NOT NULL REFERENCES runs (id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_id, key)) WITHOUT ROWID;
            -- value is nullable because SQLite stores NaN as NULL.
            CREATE TABLE metrics (
                id INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL REFERENCES runs (id),
                key TEXT NOT NULL,
                step INTEGER NOT NULL,
                value REAL,
                logged_ms INTEGER NOT NULL);
            CREATE INDEX metrics_by_run ON metrics (run_id, key, step);
            CREATE TABLE tags (
                run_id TEXT NOT NULL REFERENCES runs (id),
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (run_id, key)) WITHOUT ROWID;
            CREATE INDEX tags_by_value ON tags (key, value);
            CREATE TABLE artifacts (
                run_id TEXT NOT NULL REFERENCES runs (id),
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                logged_ms INTEGER NOT NULL,
                PRIMARY KEY (run_id, name)) WITHOUT ROWID;
            CREATE TABLE registered_models (
                name TEXT NOT NULL PRIMARY KEY,
                created_ms INTEGER NOT NULL);
            CREATE TABLE model_versions (
                model TEXT NOT NULL REFERENCES registered_models (name),
                version INTEGER NOT NULL CHECK (version >= 1),
                run_id TEXT NOT NULL REFERENCES runs (id),
                source TEXT NOT NULL,
                bundle_sha256 TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                PRIMARY KEY (model, version));
            CREATE TABLE aliases (
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (model, alias),
                FOREIGN KEY (model, version) REFERENCES model_versions (model, version)) WITHOUT ROWID;
            CREATE TABLE alias_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                model TEXT NOT NULL,
                alias TEXT NOT NULL,
                from_version INTEGER,
                to_version INTEGER NOT NULL,
                moved_ms INTEGER NOT NULL,
                moved_by TEXT NOT NULL,
                reason TEXT,
                FOREIGN KEY (model, to_version) REFERENCES model_versions (model, version));
            CREATE INDEX alias_history_by_model ON alias_history (model, id);
            CREATE TRIGGER alias_history_no_update BEFORE UPDATE ON alias_history
            BEGIN
                SELECT RAISE(ABORT, 'alias_history is append-only: record a new move instead');
            END;
            CREATE TRIGGER alias_history_no_delete BEFORE DELETE ON alias_history
            BEGIN
                SELECT RAISE(ABORT, 'alias_history is append-only: record a new move instead');
            END;
            """,
        """
            -- Every deployment attempt, append-only: what was started where, from which image or server, whether it
            -- took over (serving) or was stopped again (failed), and the deployment it replaced.
            CREATE TABLE deployments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                key TEXT NOT NULL UNIQUE,
                folder TEXT NOT NULL,
                model TEXT NOT NULL,
                environment TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('local', 'docker', 'kubernetes')),
                action TEXT NOT NULL CHECK (action IN ('deploy', 'rollback')),
                outcome TEXT NOT NULL CHECK (outcome IN ('serving', 'failed')),
                version INTEGER NOT NULL,
                bundle_sha256 TEXT NOT NULL,
                image TEXT,
                image_digest TEXT,
                server TEXT,
                address TEXT NOT NULL,
                runs_as TEXT,
                replaces INTEGER REFERENCES deployments (id),
                deployed_ms INTEGER NOT NULL,
                deployed_by TEXT NOT NULL,
                message TEXT,
                FOREIGN KEY (model, version) REFERENCES model_versions (model, version));
            CREATE INDEX deployments_by_environment ON deployments (model, environment, id);
            CREATE TRIGGER deployments_no_update BEFORE UPDATE ON deployments
            BEGIN
                SELECT RAISE(ABORT, 'deployments is append-only: record a new deployment instead');
            END;
            CREATE TRIGGER deployments_no_delete BEFORE DELETE ON deployments
            BEGIN
                SELECT RAISE(ABORT, 'deployments is append-only: record a new deployment instead');
            END;
            """,
        """
            -- Every server a Deploy or Rollback starts, recorded before it starts (and its pid once known), so that a build
            -- killed before it records the outcome (a deployments row with the same key) leaves no server unrecorded.
            CREATE TABLE deployment_starts (
                key TEXT NOT NULL PRIMARY KEY,
                model TEXT NOT NULL,
                environment TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('local', 'docker', 'kubernetes')),
                action TEXT NOT NULL CHECK (action IN ('deploy', 'rollback')),
                version INTEGER NOT NULL,
                folder TEXT NOT NULL,
                host TEXT NOT NULL,
                runs_as TEXT,
                started_ms INTEGER NOT NULL);
            CREATE INDEX deployment_starts_by_environment ON deployment_starts (model, environment, started_ms);
            """,
        """
            -- The process a run runs in, so that a later build can tell a run whose build was killed from one still running.
            ALTER TABLE runs ADD COLUMN host TEXT;
            ALTER TABLE runs ADD COLUMN pid INTEGER;
            ALTER TABLE runs ADD COLUMN process_start_ms INTEGER;
            """,
        """
            -- A version a Rollback left, per environment: Deploy refuses to roll forward to it unless it is named
            -- (--version), which clears the mark. Marks are cleared, never deleted.
            CREATE TABLE version_marks (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                model TEXT NOT NULL,
                environment TEXT NOT NULL,
                version INTEGER NOT NULL,
                deployment_id INTEGER NOT NULL REFERENCES deployments (id),
                marked_ms INTEGER NOT NULL,
                by TEXT NOT NULL,
                cleared_ms INTEGER,
                FOREIGN KEY (model, version) REFERENCES model_versions (model, version));
            CREATE INDEX version_marks_by_version ON version_marks (model, environment, version, cleared_ms);
            CREATE TRIGGER version_marks_no_delete BEFORE DELETE ON version_marks
            BEGIN
                SELECT RAISE(ABORT, 'version_marks keeps its history: clear a mark instead');
            END;
            """,
        """
            -- A serving deployment that Undeploy stopped: the environment serves nothing from then on, and the next Deploy replaces
            -- nothing. Kept beside deployments (append-only, its CHECKs unchanged) rather than in it; never updated or deleted.
            CREATE TABLE deployment_ends (
                deployment_id INTEGER NOT NULL PRIMARY KEY REFERENCES deployments (id),
                ended_ms INTEGER NOT NULL,
                ended_by TEXT NOT NULL,
                reason TEXT NOT NULL);
            CREATE TRIGGER deployment_ends_no_update BEFORE UPDATE ON deployment_ends
            BEGIN
                SELECT RAISE(ABORT, 'deployment_ends is append-only: an ended deployment stays ended');
            END;
            CREATE TRIGGER deployment_ends_no_delete BEFORE DELETE ON deployment_ends
            BEGIN
                SELECT RAISE(ABORT, 'deployment_ends is append-only: an ended deployment stays ended');
            END;
            """,
        """
            -- The store's own settings, e.g. artifact_root: where run artifacts and bundles are kept for every machine that uses the store.
            CREATE TABLE store_settings (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL) WITHOUT ROWID;
            """,
    ];
}
