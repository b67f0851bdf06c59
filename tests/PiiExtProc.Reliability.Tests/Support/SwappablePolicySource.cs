using PiiExtProc.Routing;

namespace PiiExtProc.Reliability.Tests.Support;

/// <summary>A policy source whose snapshot can be swapped atomically while streams run (a hot reload).</summary>
internal sealed class SwappablePolicySource(IPolicySnapshot initial) : IPolicySource
{
    private volatile IPolicySnapshot _current = initial;

    public IPolicySnapshot Current => _current;

    public void Swap(IPolicySnapshot next) => _current = next;
}
