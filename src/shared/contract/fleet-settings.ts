import { safeRecord } from './safe-record';
import { z } from 'zod';
import { call } from './define';
import { hostIdSchema } from './ids';

/** Every alert rule; each can be muted on its own, globally or per host. */
export const ALERT_RULES = [
  'exit',
  'oom',
  'unhealthy',
  'restart-loop',
  'host-unreachable',
  'disk',
  'update-available',
] as const;
export const alertRuleSchema = z.enum(ALERT_RULES);
export type AlertRule = z.infer<typeof alertRuleSchema>;

const GIB = 1024 ** 3;

/**
 * The fleet watch's settings (update checks, alerts, host charts), kept in their own file so they
 * evolve apart from the UI settings. Each field has a default.
 */
export const fleetSettingsSchema = z.object({
  updates: z
    .object({
      /** Check every host for newer images this often; 0 = only on demand. */
      checkEveryMinutes: z.number().int().min(0).max(10_080).default(360),
      /** A check result is reused for this long unless a check is forced. */
      cacheMinutes: z.number().int().min(0).max(1_440).default(15),
      /** An updated container without a healthcheck must stay running this long to count as healthy. */
      graceSeconds: z.number().int().min(1).max(600).default(10),
      /** Longest wait for a healthcheck to report healthy before rolling back. */
      healthTimeoutSeconds: z.number().int().min(5).max(3_600).default(120),
    })
    .default({ checkEveryMinutes: 360, cacheMinutes: 15, graceSeconds: 10, healthTimeoutSeconds: 120 }),
  alerts: z
    .object({
      /** Rules muted on every host. */
      mutedRules: z.array(alertRuleSchema).default([]),
      /** More than `restartCount` starts within `restartMinutes` is a restart loop. */
      restartCount: z.number().int().min(1).max(1_000).default(3),
      restartMinutes: z.number().int().min(1).max(1_440).default(5),
      /** Bytes the engine may use (images, containers, volumes, build cache) before a disk alert. */
      diskThresholdBytes: z
        .number()
        .int()
        .min(0)
        .default(50 * GIB),
      /** Read the disk usage of connected hosts this often (0: only when a view fetched it anyway). */
      diskCheckMinutes: z.number().int().min(0).max(10_080).default(60),
      /** Per-host overrides: muted rules, a host's own disk threshold. */
      hosts: safeRecord(
        hostIdSchema,
        z.object({
          mutedRules: z.array(alertRuleSchema).default([]),
          muted: z.boolean().default(false),
          diskThresholdBytes: z.number().int().min(0).optional(),
        }),
      ).default({}),
    })
    .default({
      mutedRules: [],
      restartCount: 3,
      restartMinutes: 5,
      diskThresholdBytes: 50 * GIB,
      diskCheckMinutes: 60,
      hosts: {},
    }),
  charts: z
    .object({
      /** Keep an hour of CPU/memory samples per host even while no view watches. */
      keepHistory: z.boolean().default(false),
    })
    .default({ keepHistory: false }),
});
export type FleetSettings = z.output<typeof fleetSettingsSchema>;

/** A partial change: each section is merged field by field; `alerts.hosts` entries replace. */
export const fleetSettingsPatchSchema = z.strictObject({
  updates: fleetSettingsSchema.shape.updates.unwrap().partial().strict().optional(),
  alerts: fleetSettingsSchema.shape.alerts.unwrap().partial().strict().optional(),
  charts: fleetSettingsSchema.shape.charts.unwrap().partial().strict().optional(),
});
export type FleetSettingsPatch = z.input<typeof fleetSettingsPatchSchema>;

export const fleetContract = {
  /** The fleet watch's settings. */
  settings: call<FleetSettings>()(z.strictObject({})),
  /** Changes some settings; the schedule and rules follow at once. */
  configure: call<FleetSettings>()(fleetSettingsPatchSchema),
};
