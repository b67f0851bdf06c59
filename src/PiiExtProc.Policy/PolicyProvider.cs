using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PiiExtProc.Policy.Loading;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy;

/// <summary>
/// Holds the current <see cref="PolicySnapshot"/> and reloads it when the policy file changes. The file is
/// polled (default every 5 s) and its content hash compared, because Kubernetes ConfigMap updates swap symlinks
/// and defeat file-change notifications. A new file is compiled completely before it is swapped in atomically;
/// a file with errors keeps the last good policy, is logged with file:line:column, and counted.
/// </summary>
/// <remarks>
/// Streams read <see cref="Current"/> once when they start and keep that snapshot to their end, so a stream never
/// mixes two policies and a reload never disturbs a stream in flight. Thread-safe.
/// Editing only a hash key file does not trigger a reload: change the policy file too.
/// </remarks>
public sealed class PolicyProvider : IDisposable
{
    /// <summary>The default polling interval: 5 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;
    private readonly PolicyLoadContext _context;
    private readonly Func<ScannerOptions, PiiScanner> _scannerFactory;
    private readonly Lock _reloadLock = new();
    private PolicySnapshot _current;
    private string? _lastFailedVersion;
    private IReadOnlyList<PolicyError> _lastErrors = [];
    private long _reloadSuccesses;
    private long _reloadFailures;
    private ITimer? _timer;

    /// <summary>Loads the policy at <paramref name="policyPath"/>, or the embedded default policy when it is null.</summary>
    /// <param name="policyPath">The policy file; null for the embedded default policy (never reloaded).</param>
    /// <param name="logger">Receives load and reload outcomes; optional.</param>
    /// <param name="timeProvider">The clock for polling; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="pollInterval">How often the file is checked; <see cref="DefaultPollInterval"/> when null.</param>
    /// <param name="auditFingerprints">False when no audit event is written (<c>serve --audit off</c>): the scanners
    /// then compute no finding fingerprints (<c>PiiFinding.Fingerprint</c> stays null), a keyed SipHash per finding that
    /// only the audit log reads.</param>
    /// <exception cref="PolicyException">The first load fails: the server must not start without a policy.</exception>
    public PolicyProvider(
        string? policyPath,
        ILogger<PolicyProvider>? logger = null,
        TimeProvider? timeProvider = null,
        TimeSpan? pollInterval = null,
        bool auditFingerprints = true)
        : this(policyPath, logger, timeProvider, pollInterval, null, auditFingerprints ? PiiScanner.Create : CreateWithoutFingerprints)
    {
    }

    /// <summary>A scanner for <paramref name="options"/> without the audit fingerprint key.</summary>
    private static PiiScanner CreateWithoutFingerprints(ScannerOptions options) => PiiScanner.Create(options with { FingerprintKey = default });

    internal PolicyProvider(
        string? policyPath,
        ILogger? logger,
        TimeProvider? timeProvider,
        TimeSpan? pollInterval,
        PolicyLoadContext? context,
        Func<ScannerOptions, PiiScanner> scannerFactory)
    {
        _path = policyPath;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _pollInterval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_pollInterval, TimeSpan.Zero, nameof(pollInterval));
        _context = context ?? PolicyLoadContext.Default with { BaseDirectory = policyPath is null ? Environment.CurrentDirectory : PolicyLoading.DirectoryOf(policyPath) };
        _scannerFactory = scannerFactory;

        // The first load throws: starting without a policy would forward unredacted traffic.
        _current = policyPath is null
            ? PolicyLoading.LoadText(PolicyLoading.DefaultPolicyText, PolicyLoading.DefaultPolicySource, _context, _scannerFactory)
            : PolicyLoading.LoadText(PolicyLoading.ReadFile(policyPath), policyPath, _context, _scannerFactory);
        PolicyProviderLog.PolicyLoaded(_logger, _current.Version, _current.Source, _current.Rules.Count);
    }

    /// <summary>Raised after each reload attempt of a changed file, success or failure (for metrics and readiness).</summary>
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <summary>The policy in use. Read it once per stream.</summary>
    public PolicySnapshot Current => Volatile.Read(ref _current);

    /// <summary>The policy file; null when the embedded default policy is used.</summary>
    public string? PolicyPath => _path;

    /// <summary>Reloads that replaced the policy (the <c>piiextproc_policy_reloads_total{result="success"}</c> counter).</summary>
    public long ReloadSuccesses => Interlocked.Read(ref _reloadSuccesses);

    /// <summary>Reload attempts that kept the last good policy (the <c>piiextproc_policy_reloads_total{result="failure"}</c> counter).</summary>
    public long ReloadFailures => Interlocked.Read(ref _reloadFailures);

    /// <summary>The errors of the last failed reload, until a reload succeeds; empty otherwise.</summary>
    public IReadOnlyList<PolicyError> LastErrors => Volatile.Read(ref _lastErrors);

    /// <summary>Starts polling the policy file. Does nothing for the embedded default policy or when already started.</summary>
    public void Start()
    {
        if (_path is null || _timer is not null)
        {
            return;
        }

        PolicyProviderLog.PollingStarted(_logger, _path, _pollInterval.TotalSeconds);
        _timer = _timeProvider.CreateTimer(static state => ((PolicyProvider)state!).Poll(), this, _pollInterval, _pollInterval);
    }

    /// <summary>
    /// Checks the policy file now. When its content changed, compiles it and swaps it in, or keeps the last good
    /// policy and records the failure. An unchanged file, or a file identical to the last one that failed, is
    /// not compiled again.
    /// </summary>
    /// <returns>True when a new policy is now in use.</returns>
    public bool TryReload()
    {
        if (_path is null)
        {
            return false;
        }

        lock (_reloadLock)
        {
            var current = Current;
            string text;
            string version;
            try
            {
                text = PolicyLoading.ReadFile(_path);
                version = PolicyLoader.ComputeVersion(Encoding.UTF8.GetBytes(text));
            }
            catch (PolicyException exception)
            {
                RecordFailure(current, "unreadable", exception.Errors);
                return false;
            }

            if (version == current.Version)
            {
                // The file is back to the policy in use (for example after a bad edit was reverted).
                _lastFailedVersion = null;
                Volatile.Write(ref _lastErrors, []);
                return false;
            }

            if (version == _lastFailedVersion)
            {
                return false;
            }

            PolicySnapshot next;
            try
            {
                next = PolicyLoading.LoadText(text, _path, _context, _scannerFactory);
            }
            catch (PolicyException exception)
            {
                RecordFailure(current, version, exception.Errors);
                return false;
            }

            Volatile.Write(ref _current, next);
            _lastFailedVersion = null;
            Volatile.Write(ref _lastErrors, []);
            Interlocked.Increment(ref _reloadSuccesses);
            PolicyProviderLog.PolicyReloaded(_logger, _path, current.Version, next.Version);
            Reloaded?.Invoke(this, new PolicyReloadedEventArgs(true, next.Version, []));
            return true;
        }
    }

    /// <summary>Stops polling.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void RecordFailure(PolicySnapshot current, string failedVersion, IReadOnlyList<PolicyError> errors)
    {
        if (failedVersion == _lastFailedVersion)
        {
            return;
        }

        _lastFailedVersion = failedVersion;
        Volatile.Write(ref _lastErrors, errors);
        Interlocked.Increment(ref _reloadFailures);
        PolicyProviderLog.PolicyReloadFailed(_logger, _path!, errors.Count, current.Version, string.Join("; ", errors));
        Reloaded?.Invoke(this, new PolicyReloadedEventArgs(false, current.Version, errors));
    }

    private void Poll()
    {
        try
        {
            TryReload();
        }
#pragma warning disable CA1031 // A failing poll must never kill the timer; the last good policy stays.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PolicyProviderLog.PollFailed(_logger, _path!, exception.GetType().Name, Current.Version);
        }
    }
}
