using k8s.Models;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>Objects and waiting for the fake Kubernetes API's tests.</summary>
internal static class TestKubernetes
{
    public const string Namespace = "ml";

    /// <summary>A Deployment <paramref name="name"/> of one container running <paramref name="image"/>, labelled app=name.</summary>
    public static V1Deployment NewDeployment(string name, string image, int? replicas = 2)
    {
        var labels = new Dictionary<string, string> { ["app"] = name };
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "server", Image = image, Ports = [new V1ContainerPort { ContainerPort = 8080 }] }] },
                },
            },
        };
    }

    /// <summary>Asks <paramref name="read"/> until <paramref name="done"/> holds for its answer; fails the test after a generous limit.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var limit = new CancellationTokenSource(TestTimeLimits.Step);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting after {TestTimeLimits.Step}; the last answer did not do.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
