namespace MlOps.Models.Tests.Bundles;

/// <summary>Fixed keys made with OpenSSL 3, and their key ids as OpenSSL computes them.</summary>
internal static class TestKeys
{
    /// <summary>Key A as PKCS #8 (<c>openssl pkcs8 -topk8 -nocrypt</c>).</summary>
    public const string A = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTXv5bi3RTDuCxuEQ
        lFlNEtCIHOeeVok2FgIzLY1tg+OhRANCAASGaaJUEJwQ/KjuTVrsWC5ieJf6SZQJ
        3HnUzQV1m/4jCS1W5B2V/IC30PCebgCV+ZfPnF5HxfV/yNvv2nFzvme9
        -----END PRIVATE KEY-----
        """;

    /// <summary>Key A as <c>openssl ecparam -name prime256v1 -genkey</c> writes it: SEC 1 after the curve's block.</summary>
    public const string ASec1 = """
        -----BEGIN EC PARAMETERS-----
        BggqhkjOPQMBBw==
        -----END EC PARAMETERS-----
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIE17+W4t0Uw7gsbhEJRZTRLQiBznnlaJNhYCMy2NbYPjoAoGCCqGSM49
        AwEHoUQDQgAEhmmiVBCcEPyo7k1a7FguYniX+kmUCdx51M0FdZv+IwktVuQdlfyA
        t9Dwnm4AlfmXz5xeR8X1f8jb79pxc75nvQ==
        -----END EC PRIVATE KEY-----
        """;

    /// <summary>Key A's public half (<c>openssl pkey -pubout</c>).</summary>
    public const string APublic = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhmmiVBCcEPyo7k1a7FguYniX+kmU
        Cdx51M0FdZv+IwktVuQdlfyAt9Dwnm4AlfmXz5xeR8X1f8jb79pxc75nvQ==
        -----END PUBLIC KEY-----
        """;

    /// <summary><c>openssl pkey -pubin -in a.pub.pem -outform DER | sha256sum</c>.</summary>
    public const string AId = "8cd972a0a46deea4a58ac7e87a5a70cdff9089d8686a7e07c2b2aae17b6299a6";

    /// <summary>Key B (<c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256</c>).</summary>
    public const string B = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgpiLpx5IY2yh5kEi7
        Sas0+Jb7eQePlA96UFoPWAI0H5qhRANCAASOzVeCtkLBssHeseR5dICix/htt8bV
        MFWFKOmjvITcqnnlw4J1B0oEyaCaWrMZKvKU2J9buC7DDBQsnGKbSDqY
        -----END PRIVATE KEY-----
        """;

    /// <summary>Key B's public half.</summary>
    public const string BPublic = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjs1XgrZCwbLB3rHkeXSAosf4bbfG
        1TBVhSjpo7yE3Kp55cOCdQdKBMmgmlqzGSrylNifW7guwwwULJxim0g6mA==
        -----END PUBLIC KEY-----
        """;

    /// <summary>Key B's id, from OpenSSL.</summary>
    public const string BId = "045d7c52ead035b289d86488366ac984066f2871215cacb1a818ae243e11f435";

    /// <summary>An Ed25519 public key (<c>openssl genpkey -algorithm ed25519</c>).</summary>
    public const string Ed25519Public = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAchs1jrpKEKA+xZBJkong+2+8AQbSaFqwwhBXjb1S0ks=
        -----END PUBLIC KEY-----
        """;
}
