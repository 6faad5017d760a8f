using System.Globalization;
using MlOps.Models.Bundles;
using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Signing;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.ServerProcesses;

/// <summary>A registered version whose bundle verified with the store's signing key, and that key's public half as a file for servers.</summary>
/// <param name="Version">The registered version.</param>
/// <param name="Bundle">Its bundle, verified.</param>
/// <param name="PublicKey">The PEM public key file (<c>&lt;store&gt;/keys/signing-key.pub.pem</c>).</param>
public sealed record VerifiedVersion(ModelVersion Version, ModelBundle Bundle, string PublicKey)
{
    /// <summary>The version <paramref name="model"/>'s alias <c>staging</c> points to: the newest that passed the gates.</summary>
    /// <exception cref="QualityGateException">No version has passed the gates.</exception>
    /// <exception cref="BundleVerificationException">Its bundle's signature does not verify.</exception>
    public static VerifiedVersion Staging(StoreLocation store, string model)
    {
        using var tracking = TrackingStore.Open(store);
        var version = tracking.Registry.ResolveVersion(model, ModelAliases.Staging)
            ?? throw new QualityGateException($"'{model}' has no 'staging' version: none has passed Validate and BiasCheck; " +
                "run ./build.sh --target=BiasCheck and fix what the gates refuse.");
        return Of(store, version);
    }

    /// <summary>The version <paramref name="reference"/> names (v3, 3, latest or an alias), or staging's when it is null.</summary>
    /// <exception cref="QualityGateException">No reference, and no version has passed the gates.</exception>
    /// <exception cref="UsageException">The reference names no version; the message lists the versions there are.</exception>
    /// <exception cref="BundleVerificationException">Its bundle's signature does not verify.</exception>
    public static VerifiedVersion Named(StoreLocation store, string model, string? reference)
    {
        if (reference is null)
        {
            return Staging(store, model);
        }

        ModelVersion version;
        using (var tracking = TrackingStore.Open(store))
        {
            version = tracking.Registry.GetVersion(model, reference);
        }

        return Of(store, version);
    }

    /// <summary>
    /// Verifies <paramref name="version"/>'s bundle with the store's signing key, and that it is the bundle the registry
    /// recorded for that version: a validly signed bundle of another version is refused too.
    /// </summary>
    /// <exception cref="BundleVerificationException">The signature does not verify, the bundle was changed, or it is not the version's.</exception>
    public static VerifiedVersion Of(StoreLocation store, ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(version);
        using var key = SigningKeys.Resolve(store);
        using (var tracking = TrackingStore.Open(store))
        {
            // Registered on another machine of a team store: the bundle comes from the artifact root, checked against the recorded sha256.
            tracking.Registry.Fetch(version);
        }

        var bundle = ModelBundle.Open(version.Source, key.Key.PublicKey);
        if (!string.Equals(bundle.Sha256, version.BundleSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BundleVerificationException(version.Source, string.Create(CultureInfo.InvariantCulture,
                $"the registry recorded sha256 {version.BundleSha256} for {version.Model} v{version.Version}, " +
                $"but this bundle's sha256 is {bundle.Sha256} (it holds v{bundle.Provenance.ModelVersion}); ") +
                $"put v{version.Version.ToString(CultureInfo.InvariantCulture)}'s own bundle back, or train again (./build.sh --target=Train --force) to register a new version.");
        }

        var publicKey = Path.Combine(store.Folder, "keys", ArtifactNames.PublicKey);
        AtomicFile.WriteAllText(publicKey, key.Key.PublicKey.ExportPem());
        return new VerifiedVersion(version, bundle, publicKey);
    }
}
