using System.Collections.Concurrent;
using System.Diagnostics;

namespace Migration.Testing.Hosting;

/// <summary>
/// One service of the system running as its own operating-system process, as in production: started from its
/// build output with the configuration a test gives it, awaited until <c>/health/ready</c> answers, and killable
/// with SIGKILL to prove what survives a crash.
/// </summary>
public sealed class ServiceProcess(string name, string projectFolder, IReadOnlyDictionary<string, string> settings, int? port = null) : IAsyncDisposable
{
    private const int LogLines = 200;

    /// <summary>When set, a folder where every process writes its whole log as well (<c>name-port.log</c>), e.g. to study a fault run.</summary>
    public const string LogFolderVariable = "MIGRATION_PROCESS_LOGS";

    private readonly ConcurrentQueue<string> _log = new();
    private readonly Lock _fileLock = new();
    private StreamWriter? _file;
    private Process? _process;

    public string Name { get; } = name;

    /// <summary>The service's project folder, relative to the repository's root.</summary>
    public string ProjectFolder { get; } = projectFolder;

    public int Port { get; } = port ?? FreePort.Next();

    /// <summary>The configuration the process is started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>The operating system's id of the process while it runs (for memory figures).</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string RecentLog => string.Join('\n', _log);

    /// <summary>Starts the process (again, after <see cref="Kill"/>: same port, same settings) and waits until it is ready.</summary>
    public async Task Start(TimeSpan? timeout = null)
    {
        var start = StartInfo();
        start.Environment["Urls"] = Address.ToString();
        if (Environment.GetEnvironmentVariable(LogFolderVariable) is { Length: > 0 })
        {
            // A whole log is read by a person: what the async daemon and the shared plumbing did, too.
            start.Environment["Logging__LogLevel__JasperFx.Events"] = "Information";
            start.Environment["Logging__LogLevel__Marten"] = "Information";
            start.Environment["Logging__LogLevel__Migration"] = "Information";
        }

        _process?.Dispose(); // an instance started again after a kill
        OpenLogFile();
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReady(timeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// The service's build run with <paramref name="arguments"/> in its project folder, with its settings as environment
    /// variables: the service itself, or one of its commands (<see cref="SchemaStep"/>).
    /// </summary>
    public ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.EntryAssembly(ProjectFolder), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, ProjectFolder),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>SIGKILL: the process gets no chance to flush, checkpoint or say goodbye.</summary>
    public async Task Kill()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private async Task WaitUntilReady(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.True(async () =>
            {
                if (_process!.HasExited)
                    throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready:\n{RecentLog}");
                try
                {
                    using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false; // not listening yet, or busy starting
                }
            }, $"{Name} to be ready", timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} was not ready within {timeout}:\n{RecentLog}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > LogLines) _log.TryDequeue(out _);
        lock (_fileLock) _file?.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
    }

    private void OpenLogFile()
    {
        if (Environment.GetEnvironmentVariable(LogFolderVariable) is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        lock (_fileLock)
        {
            _file ??= new StreamWriter(Path.Combine(folder, $"{Name}-{Port}.log"), append: true) { AutoFlush = true };
            _file.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} ==== {Name} started on port {Port}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        lock (_fileLock)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
