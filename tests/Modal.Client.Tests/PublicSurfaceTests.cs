using System.Reflection;

namespace Modal.Client.Tests;

/// <summary>Reflection checks of the shipped assembly's shape.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Sdk = typeof(IModalClient).Assembly;

    private static readonly Type[] Families =
        [typeof(IFluxClient), typeof(ISdxlClient), typeof(IQwenClient), typeof(IZImageClient), typeof(IFaceClient), typeof(IVideoClient), typeof(IEditClient), typeof(IUpscaleClient)];

    [Fact]
    public void GenerationMethods_All21_TakeCallOptionsBeforeTheToken()
    {
        var methods = Families.SelectMany(f => f.GetMethods()).ToArray();

        Assert.Equal(21, methods.Length);
        Assert.All(methods, m =>
        {
            var parameters = m.GetParameters();
            Assert.Equal(3, parameters.Length);
            Assert.Equal(typeof(ModalCallOptions), parameters[1].ParameterType);
            Assert.True(parameters[1].HasDefaultValue);
            Assert.Equal(typeof(CancellationToken), parameters[2].ParameterType);
        });
    }

    [Fact]
    public void Assembly_HasNoAmbientState()
    {
        var fields = Sdk.GetTypes().SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));

        Assert.DoesNotContain(fields, f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(AsyncLocal<>));
        Assert.DoesNotContain(fields, f => f.IsDefined(typeof(ThreadStaticAttribute)));
        Assert.Null(typeof(ModalCallOptions).GetMethod("Apply"));
    }

    [Fact]
    public void ModalClientBuilder_HasAPipelineHook()
    {
        var hook = typeof(ModalClientBuilder).GetMethod(nameof(ModalClientBuilder.ConfigureHttpClients))!;

        Assert.Equal(typeof(Action<Microsoft.Extensions.DependencyInjection.IHttpClientBuilder>), Assert.Single(hook.GetParameters()).ParameterType);
    }

    [Fact]
    public void EveryCallableEndpoint_HasAWellKnownValue()
    {
        var known = typeof(ModalEndpoint).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(ModalEndpoint))
            .Select(p => (ModalEndpoint)p.GetValue(null)!)
            .ToHashSet();

        Assert.Equal(ModalCatalog.All.Count, known.Count);
        Assert.Subset(known, ModalCatalog.All.ToHashSet());
    }

    [Fact]
    public void ModalModelFactory_BuildsBothResultsAndEveryConcreteException()
    {
        var built = typeof(ModalModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();
        var exceptions = Sdk.GetExportedTypes().Where(t => typeof(ModalException).IsAssignableFrom(t) && t.IsSealed).ToArray();

        Assert.Contains(typeof(GeneratedImage), built);
        Assert.Contains(typeof(GeneratedVideo), built);
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, e => Assert.Contains(e, built));
    }
}
