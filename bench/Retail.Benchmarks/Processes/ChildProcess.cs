using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Retail.Benchmarks.Processes;

/// <summary>
/// A program of this build's output folder run as a child process: its output lines are handed on and its last
/// ones kept for errors, and it is killed when disposed or when the benchmark ends, even on Ctrl+C.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly Queue<string> _lastLines = new();
    private readonly PosixSignalRegistration[] _signals;
    private int _disposed;

    private ChildProcess(Process process, string name, Action<string>? onOutputLine)
    {
        _process = process;
        _name = name;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Keep(e.Data);
                onOutputLine?.Invoke(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Keep(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Not left running when the benchmark exits, or is stopped with Ctrl+C or SIGTERM (on which .NET 10 no
        // longer raises ProcessExit). The signal's default action, ending the benchmark, follows the handlers.
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        _signals = [PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Dispose()), PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Dispose())];
    }

    /// <summary>How to start <paramref name="program"/>, an apphost next to this benchmark's, with its output and input redirected.</summary>
    public static ProcessStartInfo StartInfo(string program, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? $"{program}.exe" : program))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Starts <paramref name="start"/>; each line it writes to stdout goes to <paramref name="onOutputLine"/>.</summary>
    public static ChildProcess Start(ProcessStartInfo start, string name, Action<string>? onOutputLine = null) =>
        new(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."), name, onOutputLine);

    public int Id => _process.Id;

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            // Until the output streams close, the last lines, which say why, may still be on their way.
            _process.WaitForExit();
            throw new InvalidOperationException($"The {_name} exited with code {_process.ExitCode}. Its last lines:\n{LastLines()}");
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/>, which the process's output completes; fails with its last lines if the
    /// process exits without completing it, or <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task WaitAsync(Task task, TimeSpan timeout, string what)
    {
        try
        {
            // WaitForExitAsync completes once the process has exited and its output is read to the end.
            await Task.WhenAny(task, _process.WaitForExitAsync()).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} from the {_name} within {timeout}. Its last lines:\n{LastLines()}");
        }

        if (!task.IsCompleted)
        {
            throw new InvalidOperationException($"The {_name} exited with code {_process.ExitCode} before {what}. Its last lines:\n{LastLines()}");
        }

        await task;
    }

    /// <inheritdoc cref="WaitAsync(Task, TimeSpan, string)"/>
    public async Task<T> WaitAsync<T>(Task<T> task, TimeSpan timeout, string what)
    {
        await WaitAsync((Task)task, timeout, what);
        return await task;
    }

    /// <summary>Closes the process's stdin, which the broker takes as the signal to stop.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public double RssMb()
    {
        _process.Refresh();
        return _process.WorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>Peak RSS so far: on Linux, <c>VmHWM</c> from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public double PeakRssMb()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => Dispose();

    private void Keep(string line)
    {
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 30)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
