import { describe, expect, it } from '@jest/globals';
import { podSecurityViolations } from './support/pod-security.js';

type Json = Record<string, unknown>;

/** A pod that meets "restricted"; each case below breaks one rule of it. */
const compliant = (): Json => ({
  securityContext: {
    runAsNonRoot: true,
    runAsUser: 1000,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containers: [
    {
      name: 'app',
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      },
    },
  ],
  volumes: [{ name: 'tmp', emptyDir: {} }],
});

const container = (pod: Json): Json => (pod.containers as Json[])[0]!;
const containerContext = (pod: Json): Json => container(pod).securityContext as Json;
const podContext = (pod: Json): Json => pod.securityContext as Json;

describe('Pod Security Standard "restricted" checks', () => {
  it('admit a compliant pod', () => {
    expect(podSecurityViolations(compliant())).toEqual([]);
  });

  it.each<[string, (pod: Json) => void, RegExp]>([
    ['privileged', (p) => (containerContext(p).privileged = true), /privileged/],
    [
      'privilege escalation allowed',
      (p) => delete containerContext(p).allowPrivilegeEscalation,
      /allowPrivilegeEscalation/,
    ],
    ['runs as root', (p) => (podContext(p).runAsNonRoot = false), /runAsNonRoot/],
    ['uid 0', (p) => (containerContext(p).runAsUser = 0), /runAsUser/],
    ['capabilities kept', (p) => (containerContext(p).capabilities = {}), /drop ALL/],
    [
      'capability added',
      (p) => (containerContext(p).capabilities = { drop: ['ALL'], add: ['NET_ADMIN'] }),
      /NET_ADMIN/,
    ],
    ['no seccomp profile', (p) => delete podContext(p).seccompProfile, /seccompProfile/],
    [
      'unconfined seccomp',
      (p) => (containerContext(p).seccompProfile = { type: 'Unconfined' }),
      /seccompProfile/,
    ],
    [
      'hostPath volume',
      (p) => (p.volumes = [{ name: 'root', hostPath: { path: '/' } }]),
      /hostPath/,
    ],
    ['host network', (p) => (p.hostNetwork = true), /hostNetwork/],
    ['host PID', (p) => (p.hostPID = true), /hostPID/],
    ['host IPC', (p) => (p.hostIPC = true), /hostIPC/],
    ['host port', (p) => (container(p).ports = [{ containerPort: 80, hostPort: 80 }]), /hostPort/],
    [
      'unsafe sysctl',
      (p) => (podContext(p).sysctls = [{ name: 'kernel.msgmax', value: '1' }]),
      /sysctl/,
    ],
    ['proc mount', (p) => (containerContext(p).procMount = 'Unmasked'), /procMount/],
    ['SELinux user', (p) => (podContext(p).seLinuxOptions = { user: 'root' }), /seLinuxOptions/],
    ['init container', (p) => (p.initContainers = [{ name: 'init' }]), /container init/],
  ])('refuse a pod with %s', (_case, breakRule, message) => {
    const pod = compliant();
    breakRule(pod);
    const violations = podSecurityViolations(pod);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(message);
  });
});
