/**
 * The Pod Security Standard "restricted" (which includes "baseline"), as the admission
 * controller checks a pod spec: https://kubernetes.io/docs/concepts/security/pod-security-standards/
 * Returns one message per broken rule; an empty list means the pod would be admitted.
 */

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Volume types a restricted pod may use; hostPath and every other in-tree type are refused. */
const ALLOWED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);
const ALLOWED_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);
const ALLOWED_APPARMOR = new Set(['RuntimeDefault', 'Localhost']);
const ALLOWED_SELINUX_TYPES = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

function containersOf(pod: Json): Json[] {
  return [
    ...asList(pod.initContainers),
    ...asList(pod.containers),
    ...asList(pod.ephemeralContainers),
  ];
}

function securityContextRules(where: string, context: Json): string[] {
  const problems: string[] = [];
  const seLinux = asObject(context.seLinuxOptions);
  if (!ALLOWED_SELINUX_TYPES.has(text(seLinux.type ?? ''))) {
    problems.push(`${where}: seLinuxOptions.type ${text(seLinux.type)} is not allowed`);
  }
  if (seLinux.user !== undefined || seLinux.role !== undefined) {
    problems.push(`${where}: seLinuxOptions.user and .role must not be set`);
  }
  const seccomp = asObject(context.seccompProfile).type;
  if (seccomp !== undefined && !ALLOWED_SECCOMP.has(text(seccomp))) {
    problems.push(`${where}: seccompProfile.type must be RuntimeDefault or Localhost`);
  }
  const appArmor = asObject(context.appArmorProfile).type;
  if (appArmor !== undefined && !ALLOWED_APPARMOR.has(text(appArmor))) {
    problems.push(`${where}: appArmorProfile.type must be RuntimeDefault or Localhost`);
  }
  if (asObject(context.windowsOptions).hostProcess === true) {
    problems.push(`${where}: windowsOptions.hostProcess must not be true`);
  }
  if (context.runAsUser === 0) problems.push(`${where}: runAsUser must not be 0 (root)`);
  return problems;
}

export function podSecurityViolations(pod: Json): string[] {
  const problems: string[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[field] === true) problems.push(`pod: ${field} must not be true`);
  }
  const podContext = asObject(pod.securityContext);
  problems.push(...securityContextRules('pod', podContext));
  for (const sysctl of asList(podContext.sysctls)) {
    if (!SAFE_SYSCTLS.has(text(sysctl.name))) {
      problems.push(`pod: sysctl ${text(sysctl.name)} is not in the safe set`);
    }
  }
  for (const volume of asList(pod.volumes)) {
    const types = Object.keys(volume).filter((key) => key !== 'name');
    for (const type of types) {
      if (!ALLOWED_VOLUME_TYPES.has(type)) {
        problems.push(`volume ${text(volume.name)}: type ${type} is not allowed`);
      }
    }
  }

  const containers = containersOf(pod);
  if (containers.length === 0) problems.push('pod: has no containers');
  for (const container of containers) {
    const where = `container ${text(container.name)}`;
    const context = asObject(container.securityContext);
    problems.push(...securityContextRules(where, context));
    if (context.privileged === true) problems.push(`${where}: privileged must not be true`);
    if (context.allowPrivilegeEscalation !== false) {
      problems.push(`${where}: allowPrivilegeEscalation must be false`);
    }
    const runAsNonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
    if (runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot must be true`);
    const seccomp =
      asObject(context.seccompProfile).type ?? asObject(podContext.seccompProfile).type;
    if (seccomp === undefined) problems.push(`${where}: seccompProfile must be set`);
    if (context.procMount !== undefined && context.procMount !== 'Default') {
      problems.push(`${where}: procMount must be Default`);
    }
    const capabilities = asObject(context.capabilities);
    const dropped = Array.isArray(capabilities.drop) ? (capabilities.drop as unknown[]) : [];
    if (!dropped.includes('ALL')) problems.push(`${where}: capabilities must drop ALL`);
    const added = Array.isArray(capabilities.add) ? (capabilities.add as unknown[]) : [];
    for (const capability of added) {
      if (capability !== 'NET_BIND_SERVICE') {
        problems.push(`${where}: capability ${text(capability)} must not be added`);
      }
    }
    for (const port of asList(container.ports)) {
      if (port.hostPort !== undefined && port.hostPort !== 0) {
        problems.push(`${where}: hostPort ${text(port.hostPort)} is not allowed`);
      }
    }
  }
  return problems;
}
