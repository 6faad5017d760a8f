using System.Reflection;
using System.Reflection.Emit;

namespace MlOps.Testing;

/// <summary>
/// The namespaces a set of types refers to, read from the built assembly: base types, interfaces,
/// fields, signatures and every type, method or field token in the method bodies (lambdas, iterators
/// and async state machines are nested types, so they count too). Reflection, not text matching.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The namespaces (other than its own) that the types of <paramref name="ns"/> in <paramref name="assembly"/> refer to.</summary>
    public static IReadOnlySet<string> OfNamespace(Assembly assembly, string ns)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace == ns))
        {
            AddType(found, type.BaseType);
            Array.ForEach(type.GetInterfaces(), i => AddType(found, i));
            foreach (var field in type.GetFields(Everything))
            {
                AddType(found, field.FieldType);
            }

            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                AddMethod(found, method);
            }
        }

        found.Remove(ns);
        return found;
    }

    private static void AddMethod(HashSet<string> found, MethodBase method)
    {
        if (method is MethodInfo info)
        {
            AddType(found, info.ReturnType);
        }

        Array.ForEach(method.GetParameters(), p => AddType(found, p.ParameterType));
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                AddMember(found, method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static void AddMember(HashSet<string> found, Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            switch (module.ResolveMember(token, typeArguments, methodArguments))
            {
                case Type type:
                    AddType(found, type);
                    break;
                case MethodBase called:
                    AddType(found, called.DeclaringType);
                    if (called is MethodInfo { IsGenericMethod: true } generic)
                    {
                        Array.ForEach(generic.GetGenericArguments(), a => AddType(found, a));
                    }

                    break;
                case FieldInfo field:
                    AddType(found, field.DeclaringType);
                    AddType(found, field.FieldType);
                    break;
            }
        }
        catch (ArgumentException)
        {
            // A token whose generic context cannot be resolved here: its declaring type is seen elsewhere.
        }
    }

    private static void AddType(HashSet<string> found, Type? type)
    {
        while (type is not null && (type.HasElementType || type.IsGenericParameter))
        {
            type = type.IsGenericParameter ? null : type.GetElementType();
        }

        if (type is null)
        {
            return;
        }

        if (type.Namespace is { } ns)
        {
            found.Add(ns);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Array.ForEach(type.GetGenericArguments(), a => AddType(found, a));
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
