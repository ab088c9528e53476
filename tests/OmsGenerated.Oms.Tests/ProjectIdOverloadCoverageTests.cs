using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Every generated operation that takes <c>projectId</c> has a hand-written overload without it (OmsClient.ProjectId*.cs).
/// The raw-response methods (<c>…WithResponseAsync</c>, status and headers for the advanced caller) take it explicitly.
/// </summary>
public class ProjectIdOverloadCoverageTests
{
    [Fact]
    public void Every_operation_with_a_project_id_has_an_overload_without_it()
    {
        MethodInfo[] methods = typeof(OmsClient).GetMethods(BindingFlags.Public | BindingFlags.Instance);
        MethodInfo[] withProject = methods
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal)
                && m.GetParameters().FirstOrDefault()?.Name == "projectId")
            .ToArray();
        Assert.True(withProject.Length >= 33, "expected the 33 project operations, found " + withProject.Length);

        var missing = withProject
            .Where(generated =>
            {
                Type[] rest = generated.GetParameters().Skip(1).Select(p => p.ParameterType).ToArray();
                return !methods.Any(m => m.Name == generated.Name && m.ReturnType == generated.ReturnType
                    && m.GetParameters().Select(p => p.ParameterType).OrderBy(t => t.FullName).SequenceEqual(rest.OrderBy(t => t.FullName)));
            })
            .Select(m => m.Name)
            .ToArray();

        Assert.True(missing.Length == 0, "no overload without projectId: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_overloads_without_a_project_id_end_with_an_optional_cancellation_token()
    {
        MethodInfo[] overloads = typeof(OmsClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.DeclaringType == typeof(OmsClient)
                && m.GetParameters().All(p => p.Name != "projectId") && m.GetParameters().Length > 0)
            .ToArray();
        Assert.All(overloads, m =>
        {
            ParameterInfo last = m.GetParameters()[^1];
            Assert.True(last.ParameterType == typeof(CancellationToken) && last.IsOptional, m.Name + " must end with CancellationToken cancellationToken = default");
        });
    }
}
