using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace CollectorShop.Tests.Cluster;

/// <summary>
/// One `dotnet CollectorShop.Silo.dll` OS process with its own HTTP, silo and gateway ports; everything it prints
/// goes to a log file, whose tail explains a failure.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every silo process not disposed yet: a test run that ends early still kills them (no orphans).</summary>
    private static readonly ConcurrentDictionary<SiloProcess, bool> Running = new();

    static SiloProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var silo in Running.Keys)
        {
            silo.Dispose();
        }
    };

    private readonly Process _process;

    private readonly StreamWriter _log;

    private readonly Lock _logLock = new();

    private bool _logClosed;

    private SiloProcess(string name, int httpPort, int siloPort, int gatewayPort, string logFile, Process process, StreamWriter log)
    {
        Name = name;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        LogFile = logFile;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public string LogFile { get; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Answered 200 on /health/ready once; a silo that was killed since is no longer serving.</summary>
    public bool Ready { get; private set; }

    public DateTimeOffset ReadyAt { get; private set; }

    /// <summary>Sent SIGKILL or SIGTERM: out of the balancer's rotation, as Kubernetes takes a stopping pod out of its Service.</summary>
    public bool Stopped { get; private set; }

    public bool Serving => Ready && !Stopped;

    /// <summary>Starts the published silo with the given settings (environment variables) plus its own ports.</summary>
    public static SiloProcess Start(string dll, string name, string logFolder, IReadOnlyDictionary<string, string> settings)
    {
        var (httpPort, siloPort, gatewayPort) = (TestPorts.Free(), TestPorts.Free(), TestPorts.Free());
        var start = new ProcessStartInfo(PublishedSilo.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        // Urls (not ASPNETCORE_URLS): the app's own appsettings.json names a URL, and only an unprefixed variable overrides it.
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Orleans__SiloPort"] = siloPort.ToString();
        start.Environment["Orleans__GatewayPort"] = gatewayPort.ToString();
        start.Environment["Orleans__AdvertisedIP"] = "127.0.0.1";

        var logFile = Path.Combine(logFolder, $"{name}.log");
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, httpPort, siloPort, gatewayPort, logFile, process, log);
        process.OutputDataReceived += (_, line) => silo.Write(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Write(line.Data);
        process.Exited += (_, _) => silo.Write($"[test] {name} exited");
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} could not be started.");
        }

        Running[silo] = true;
        silo.Write($"[test] {name}: pid {process.Id}, http {httpPort}, silo {siloPort}, gateway {gatewayPort}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Polls /health/ready until it answers 200; fails with the log's tail if the process ends or the time runs out.</summary>
    public async Task WaitReady(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var last = "no answer yet";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.\n{Tail()}");
            }

            try
            {
                using var answer = await Probe.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    ReadyAt = DateTimeOffset.UtcNow;
                    Ready = true;
                    Write($"[test] {Name} is ready after {(ReadyAt - StartedAt).TotalSeconds:0.0} s");
                    return;
                }

                last = $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{Name} was not ready within {within.TotalSeconds} s (last answer: {last}).\n{Tail()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL to the process and its children: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        Stopped = true;
        Write($"[test] SIGKILL to {Name}");
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, what Kubernetes sends a pod it stops; returns the exit code, or null if the process still runs after <paramref name="within"/>.</summary>
    public async Task<int?> Terminate(TimeSpan within)
    {
        Stopped = true;
        Write($"[test] SIGTERM to {Name}");
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The first errors the process logged and the last lines it printed, headed by its name.</summary>
    public string Tail(int lines = 60)
    {
        using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        // The first failure explains the rest; the tail then often shows only the shutdown that followed it.
        var firstErrors = all
            .Where(line => line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal))
            .Take(3)
            .Select(line => line.Length > 3000 ? line[..3000] + " …" : line);
        return $"--- {Name} ({LogFile}): first errors ---\n{string.Join("\n", firstErrors)}\n" +
            $"--- {Name}: last {lines} lines ---\n{string.Join('\n', all.TakeLast(lines).Select(line => line.Length > 400 ? line[..400] + " …" : line))}";
    }

    public void Dispose()
    {
        Running.TryRemove(this, out _);
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        lock (_logLock)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
