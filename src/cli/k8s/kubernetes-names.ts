import { invalidOption } from '../../lib/errors.ts';

/**
 * Checks a name against Kubernetes' DNS-1123 label rule (namespaces, most object names a label value must carry): 1
 * to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. With `letterFirst`, the
 * DNS-1035 rule that Service names follow: the first character a letter.
 * @param field - The option named in an error, such as `--namespace`.
 * @param name - The name given.
 * @param options - The longest name accepted (63 unless a suffix needs room) and whether it must start with a letter.
 * @returns The name.
 * @throws {ForgeError} `invalid_option` naming the option, the name and the rule.
 */
export function dnsLabel(
  field: string,
  name: string,
  options: { readonly maxLength?: number; readonly letterFirst?: boolean } = {},
): string {
  const maxLength = options.maxLength ?? 63;
  const first = options.letterFirst ? 'a lowercase letter' : 'a lowercase letter or digit';
  const pattern = options.letterFirst ? /^[a-z]([-a-z0-9]*[a-z0-9])?$/ : /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  if (!pattern.test(name) || name.length > maxLength) {
    invalidOption(
      field,
      name,
      `a Kubernetes name (DNS-1123 label) of 1 to ${maxLength} lowercase letters, digits and -, starting with ${first} and ending with a letter or digit, such as flash-sale`,
    );
  }
  return name;
}

/**
 * Checks a name against Kubernetes' DNS-1123 subdomain rule (ConfigMaps, Secrets, PersistentVolumeClaims): at most 253
 * characters, dot-separated DNS-1123 labels.
 * @param field - The option named in an error, such as `--secret`.
 * @param name - The name given.
 * @returns The name.
 * @throws {ForgeError} `invalid_option` naming the option, the name and the rule.
 */
export function dnsSubdomain(field: string, name: string): string {
  if (name.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) {
    invalidOption(
      field,
      name,
      'a Kubernetes name (DNS-1123 subdomain) of at most 253 lowercase letters, digits, - and ., each dot-separated part starting and ending with a letter or digit, such as load-test-secrets',
    );
  }
  return name;
}
