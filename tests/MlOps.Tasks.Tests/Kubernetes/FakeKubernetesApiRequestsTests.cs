using System.Net;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using MlOps.Testing;
using MlOps.Testing.Kubernetes;
using static MlOps.Tasks.Tests.Kubernetes.TestKubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

/// <summary>The fake Kubernetes API's answers to single requests (errors, selectors, patches, proxy, kubeconfig), through the official client.</summary>
public sealed class FakeKubernetesApiRequestsTests
{
    private static V1ConfigMap Map(string name, Dictionary<string, string>? data = null) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Data = data ?? new Dictionary<string, string> { ["a"] = "1" } };

    private static V1Status StatusOf(HttpOperationException? error) => KubernetesJson.Deserialize<V1Status>(error!.Response.Content);

    public sealed class Errors
    {
        [Test]
        public async Task Should_Answer_NotFound_When_The_Deployment_Does_Not_Exist()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();

            // When
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReadNamespacedDeploymentAsync("missing", Namespace));

            // Then
            Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            var status = StatusOf(error);
            Assert.That(status.Message, Is.EqualTo("deployments.apps \"missing\" not found"));
            Assert.That(status.Reason, Is.EqualTo("NotFound"));
            Assert.That(status.Details.Kind, Is.EqualTo("deployments"));
            Assert.That(status.Code, Is.EqualTo(404));
        }

        [Test]
        public async Task Should_Answer_AlreadyExists_When_An_Object_Is_Created_Twice()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings"), Namespace);

            // When
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings"), Namespace));

            // Then
            Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(StatusOf(error).Message, Is.EqualTo("configmaps \"settings\" already exists"));
            Assert.That(StatusOf(error).Reason, Is.EqualTo("AlreadyExists"));
        }

        [Test]
        public async Task Should_Answer_Conflict_When_A_Replace_Carries_A_Stale_ResourceVersion()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            var stale = await client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings"), Namespace);
            await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"a":"2"}}""", V1Patch.PatchType.MergePatch), "settings", Namespace);

            // When
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "settings", Namespace));

            // Then
            Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(StatusOf(error).Message, Is.EqualTo(
                "Operation cannot be fulfilled on configmaps \"settings\": the object has been modified; please apply your changes to the latest version and try again"));
        }

        [Test]
        public async Task Should_Answer_The_Injected_Error_As_Often_As_Asked_Then_Normally()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings"), Namespace);
            fake.Fail("GET", "/configmaps/settings", 503, message: "etcd is down");

            // When
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("settings", Namespace));
            var map = await client.CoreV1.ReadNamespacedConfigMapAsync("settings", Namespace);

            // Then
            Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(StatusOf(error).Message, Is.EqualTo("etcd is down"));
            Assert.That(StatusOf(error).Reason, Is.EqualTo("ServiceUnavailable"));
            Assert.That(map.Data["a"], Is.EqualTo("1"));
        }

        [Test]
        public async Task Should_Answer_Unauthorized_When_The_Token_Is_Missing()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            fake.RequireToken = "abc";
            using var anonymous = fake.Client();
            using var client = fake.Client(token: "abc");

            // When
            var error = await Assert.ThrowsAsync<HttpOperationException>(() => anonymous.CoreV1.ListNamespacedPodAsync(Namespace));
            var pods = await client.CoreV1.ListNamespacedPodAsync(Namespace);

            // Then
            Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(StatusOf(error).Reason, Is.EqualTo("Unauthorized"));
            Assert.That(pods.Items, Is.Empty);
        }

        [Test]
        public async Task Should_Answer_BadRequest_When_The_Body_Is_Not_Json()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var http = new HttpClient { BaseAddress = fake.Url, Timeout = TestTimeLimits.Request };
            using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

            // When
            using var response = await http.PostAsync(new Uri("api/v1/namespaces/ml/configmaps", UriKind.Relative), content);

            // Then
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var status = KubernetesJson.Deserialize<V1Status>(await response.Content.ReadAsStringAsync());
            Assert.That(status.Reason, Is.EqualTo("BadRequest"));
            Assert.That(status.Message, Does.StartWith("the body of the request could not be decoded as JSON"));
        }

        [Test]
        public async Task Should_Refuse_An_Apply_Without_A_Field_Manager_And_A_Json_Patch()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            var apply = new V1Patch(Map("settings"), V1Patch.PatchType.ApplyPatch);
            var jsonPatch = new V1Patch("""[{"op":"add","path":"/data/b","value":"2"}]""", V1Patch.PatchType.JsonPatch);

            // When
            var noManager = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(apply, "settings", Namespace));
            var unsupported = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(jsonPatch, "settings", Namespace));

            // Then
            Assert.That(noManager!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(StatusOf(noManager).Message, Is.EqualTo("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
            Assert.That(unsupported!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        }
    }

    public sealed class Selectors
    {
        [TestCase("app=a", new[] { "a" })]
        [TestCase("app==a", new[] { "a" })]
        [TestCase("app!=a", new[] { "b", "c" })]
        [TestCase("app in (a, b)", new[] { "a", "b" })]
        [TestCase("app notin (a)", new[] { "b", "c" })]
        [TestCase("tier", new[] { "a", "b" })]
        [TestCase("!tier", new[] { "c" })]
        [TestCase("tier=web,app!=b", new[] { "a" })]
        public async Task Should_List_The_Pods_The_Label_Selector_Picks(string selector, string[] expected)
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            foreach (var (name, web) in new[] { ("a", true), ("b", true), ("c", false) })
            {
                var labels = new Dictionary<string, string> { ["app"] = name };
                if (web)
                {
                    labels["tier"] = "web";
                }

                var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "c" }] } };
                await client.CoreV1.CreateNamespacedPodAsync(pod, Namespace);
            }

            // When
            var pods = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: selector);

            // Then
            Assert.That(pods.Items.Select(p => p.Metadata.Name), Is.EqualTo(expected));
            Assert.That(pods.Kind, Is.EqualTo("PodList"));
            Assert.That(pods.Metadata.ResourceVersion, Is.Not.Empty);
        }
    }

    public sealed class Patches
    {
        [TestCase(V1Patch.PatchType.MergePatch)]
        [TestCase(V1Patch.PatchType.StrategicMergePatch)]
        public async Task Should_Merge_The_Patch_Into_The_Object(V1Patch.PatchType type)
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            await client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings", new() { ["a"] = "1", ["b"] = "2" }), Namespace);

            // When
            var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"b":null,"c":"3"}}""", type), "settings", Namespace);

            // Then
            Assert.That(patched.Data, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }));
            Assert.That(fake.Get("configmaps", Namespace, "settings")!["data"]!.ToJsonString(), Is.EqualTo("""{"a":"1","c":"3"}"""));
        }

        [Test]
        public async Task Should_Round_Trip_An_HttpRoute_Applied_As_A_Custom_Object()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            var route = new Dictionary<string, object>
            {
                ["apiVersion"] = "gateway.networking.k8s.io/v1",
                ["kind"] = "HTTPRoute",
                ["metadata"] = new Dictionary<string, object> { ["name"] = "scoring", ["namespace"] = Namespace },
                ["spec"] = new Dictionary<string, object>
                {
                    ["rules"] = new[] { new { backendRefs = new[] { new { name = "stable", port = 80, weight = 90 }, new { name = "canary", port = 80, weight = 10 } } } },
                },
            };

            // When
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(route, V1Patch.PatchType.ApplyPatch), "gateway.networking.k8s.io", "v1", Namespace, "httproutes", "scoring", fieldManager: "mlops", force: true);
            var read = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync("gateway.networking.k8s.io", "v1", Namespace, "httproutes", "scoring");

            // Then
            Assert.That(read.GetProperty("kind").GetString(), Is.EqualTo("HTTPRoute"));
            Assert.That(read.GetProperty("metadata").GetProperty("generation").GetInt64(), Is.EqualTo(1));
            var weights = read.GetProperty("spec").GetProperty("rules")[0].GetProperty("backendRefs").EnumerateArray().Select(b => b.GetProperty("weight").GetInt32());
            Assert.That(weights, Is.EqualTo(new[] { 90, 10 }));
            var list = (JsonElement)await client.CustomObjects.ListNamespacedCustomObjectAsync("gateway.networking.k8s.io", "v1", Namespace, "httproutes");
            Assert.That(list.GetProperty("kind").GetString(), Is.EqualTo("HTTPRouteList"));
        }
    }

    public sealed class Proxy
    {
        [Test]
        public async Task Should_Answer_With_The_Responder_Through_The_Pod_And_Service_Proxy()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            using var client = fake.Client();
            fake.PodProxy = (pod, path) => new ProxyResponse(200, $"# {pod["metadata"]!["name"]} {path}\nrequests_total 3\n");
            await client.AppsV1.PatchNamespacedDeploymentAsync(
                new V1Patch(NewDeployment("scoring", "registry/scoring:1", replicas: 1), V1Patch.PatchType.ApplyPatch), "scoring", Namespace, fieldManager: "mlops");
            var selector = new Dictionary<string, string> { ["app"] = "scoring" };
            var service = new V1Service { Metadata = new V1ObjectMeta { Name = "scoring" }, Spec = new V1ServiceSpec { Selector = selector } };
            await client.CoreV1.CreateNamespacedServiceAsync(service, Namespace);
            var pod = await UntilAsync(
                async () => (await client.CoreV1.ListNamespacedPodAsync(Namespace)).Items.SingleOrDefault(),
                p => p?.Status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);

            // When
            using var podStream = await client.CoreV1.ConnectGetNamespacedPodProxyWithPathAsync(pod!.Metadata.Name, Namespace, "metrics");
            using var portStream = await client.CoreV1.ConnectGetNamespacedPodProxyWithPathAsync($"{pod.Metadata.Name}:8080", Namespace, "metrics");
            using var serviceStream = await client.CoreV1.ConnectGetNamespacedServiceProxyWithPathAsync("scoring:8080", Namespace, "metrics");
            var fromPod = await new StreamReader(podStream).ReadToEndAsync();
            var fromPort = await new StreamReader(portStream).ReadToEndAsync();
            var fromService = await new StreamReader(serviceStream).ReadToEndAsync();

            // Then
            Assert.That(fromPod, Is.EqualTo($"# {pod.Metadata.Name} /metrics\nrequests_total 3\n"));
            Assert.That(fromPort, Is.EqualTo(fromPod));
            Assert.That(fromService, Is.EqualTo(fromPod));
            Assert.That(fake.Requests.Select(r => r.PathAndQuery), Does.Contain($"/api/v1/namespaces/ml/pods/{pod.Metadata.Name}/proxy/metrics"));
        }
    }

    public sealed class Kubeconfig
    {
        [Test]
        public async Task Should_Connect_The_Client_Through_The_Written_Kubeconfig()
        {
            // Given
            await using var fake = await FakeKubernetesApi.StartAsync();
            fake.RequireToken = "s3cret";
            using var folder = new TempDirectory();
            fake.WriteKubeconfig(folder["kube/config"], context: "test", @namespace: Namespace, token: "s3cret");

            // When
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(folder["kube/config"]);
            using var client = new k8s.Kubernetes(config);
            var map = await client.CoreV1.CreateNamespacedConfigMapAsync(Map("settings"), config.Namespace);

            // Then
            Assert.That(config.CurrentContext, Is.EqualTo("test"));
            Assert.That(config.Namespace, Is.EqualTo(Namespace));
            Assert.That(map.Metadata.NamespaceProperty, Is.EqualTo(Namespace));
        }
    }
}
