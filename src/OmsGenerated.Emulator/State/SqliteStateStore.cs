using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OmsGenerated.Emulator.State;

/// <summary>
/// State in a SQLite file, so consecutive processes (CLI commands) continue one story. Every <see cref="Transact{T}"/>
/// opens a connection, takes the write lock at once (BEGIN IMMEDIATE; another process waits up to
/// <see cref="BusyTimeout"/>), loads the state, runs the action, saves the state and commits; an exception rolls back.
/// WAL mode keeps commits cheap and crash-safe. Entities are stored as JSON documents, one row each.
/// </summary>
internal sealed class SqliteStateStore : IEmulatorStateStore
{
    /// <summary>The layout version written to <c>meta.schema_version</c>; a file with another version is refused.</summary>
    public const int SchemaVersion = 1;

    /// <summary>How long a request waits for another process's transaction.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private const string TaskKind = "task";
    private const string GroupKind = "task_group";
    private const string SyncKind = "sync_task";

    private readonly string _connectionString;
    private readonly Action<EmulatorState> _seed;
    private readonly double _speedFactor;

    public SqliteStateStore(string path, Action<EmulatorState> seed, double speedFactor)
    {
        Location = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(Location);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        _seed = seed;
        _speedFactor = speedFactor;

        using SqliteConnection connection = Open();
        Execute(connection, null, "PRAGMA journal_mode=WAL;");
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entities (kind TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (kind, id));
            """);
        string? version = ReadMeta(connection, transaction, "schema_version");
        if (version is null)
        {
            var state = new EmulatorState();
            _seed(state);
            Save(connection, transaction, state);
        }
        else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The emulator database " + Location + " has schema version " + version
                + "; this emulator reads version " + SchemaVersion.ToString(CultureInfo.InvariantCulture) + ". Reset it (oms emulator reset) or delete it.");
        }

        transaction.Commit();
    }

    public string Location { get; }

    public T Transact<T>(Func<EmulatorState, T> action)
    {
        using SqliteConnection connection = Open();
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        EmulatorState state = Load(connection, transaction);
        T result = action(state);
        Save(connection, transaction, state);
        transaction.Commit();
        return result;
    }

    public void Reset()
    {
        using SqliteConnection connection = Open();
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        var state = new EmulatorState();
        _seed(state);
        Save(connection, transaction, state);
        transaction.Commit();
    }

    public void Dispose()
    {
        // Pooled connections keep the file open (and its WAL); release them so the file can be deleted or copied.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA busy_timeout=" + ((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    private EmulatorState Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        var state = new EmulatorState
        {
            NextTaskId = long.Parse(ReadMeta(connection, transaction, "next_task_id") ?? "1001", CultureInfo.InvariantCulture),
            NextSequence = long.Parse(ReadMeta(connection, transaction, "next_sequence") ?? "1", CultureInfo.InvariantCulture),
            PrivacyAgreementAccepted = ReadMeta(connection, transaction, "privacy_agreement") == "accepted",
        };
        if (ReadMeta(connection, transaction, "demo_task_ids") is { Length: > 0 } demo)
        {
            foreach (string id in demo.Split(','))
            {
                state.DemoTaskIds.Add(long.Parse(id, CultureInfo.InvariantCulture));
            }
        }

        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT kind, state FROM entities";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string kind = reader.GetString(0);
            using JsonDocument document = JsonDocument.Parse(reader.GetString(1));
            JsonElement root = document.RootElement;
            switch (kind)
            {
                case TaskKind:
                    EmulatedTask task = EmulatedTask.ReadState(root, _speedFactor);
                    state.Tasks.Add(task.Id, task);
                    break;
                case GroupKind:
                    EmulatedTaskGroup group = EmulatedTaskGroup.ReadState(root);
                    state.Groups.Add(group.Id, group);
                    break;
                case SyncKind:
                    EmulatedSyncTask sync = EmulatedSyncTask.ReadState(root);
                    state.SyncTasks.Add(sync.Id, sync);
                    break;
            }
        }

        return state;
    }

    private static void Save(SqliteConnection connection, SqliteTransaction transaction, EmulatorState state)
    {
        Execute(connection, transaction, "DELETE FROM entities;");
        WriteMeta(connection, transaction, "schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, "next_task_id", state.NextTaskId.ToString(CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, "next_sequence", state.NextSequence.ToString(CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, "privacy_agreement", state.PrivacyAgreementAccepted ? "accepted" : "none");
        WriteMeta(connection, transaction, "demo_task_ids", string.Join(",", state.DemoTaskIds));

        using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO entities (kind, id, state) VALUES ($kind, $id, $state)";
        SqliteParameter kind = insert.Parameters.Add("$kind", SqliteType.Text);
        SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Text);
        SqliteParameter json = insert.Parameters.Add("$state", SqliteType.Text);
        void Insert(string entityKind, string entityId, Action<Utf8JsonWriter> write)
        {
            kind.Value = entityKind;
            id.Value = entityId;
            json.Value = System.Text.Encoding.UTF8.GetString(ModelJson.Write(write, static (w, writer) => w(writer), 2048));
            insert.ExecuteNonQuery();
        }

        foreach (EmulatedTask task in state.Tasks.Values)
        {
            Insert(TaskKind, task.Id.ToString(CultureInfo.InvariantCulture), task.WriteState);
        }

        foreach (EmulatedTaskGroup group in state.Groups.Values)
        {
            Insert(GroupKind, group.Id, group.WriteState);
        }

        foreach (EmulatedSyncTask sync in state.SyncTasks.Values)
        {
            Insert(SyncKind, sync.Id, sync.WriteState);
        }
    }

    private static string? ReadMeta(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
