namespace PiiExtProc.Routing;

/// <summary>Provides the policy snapshot in force; hot reload swaps it atomically.</summary>
internal interface IPolicySource
{
    /// <summary>The snapshot new streams use.</summary>
    IPolicySnapshot Current { get; }
}
