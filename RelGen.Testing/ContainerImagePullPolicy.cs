namespace RelGen.Testing;

/// <summary>When the container mode pulls its image from a registry.</summary>
public enum ContainerImagePullPolicy
{
    /// <summary>Only when the engine does not have the image yet.</summary>
    Missing,

    /// <summary>Before every start, to pick up a moved tag such as <c>postgres:17</c>.</summary>
    Always,

    /// <summary>
    /// Never: the image must already be on the engine (built or loaded there). For machines that
    /// reach no registry, where a pull would only fail after a network timeout.
    /// </summary>
    Never,
}
