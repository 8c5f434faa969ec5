/** A setting picked from a few options (a segmented control). */
export interface ChoiceSetting {
  kind: 'choice';
  field: 'theme' | 'fontSize' | 'density' | 'typedConfirmation';
  label: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  /** The stored value is a number (the options show it as text). */
  numeric?: boolean;
}

/** A typed setting, checked against the contract's schema as the user types. */
export interface InputSetting {
  kind: 'input';
  field:
    | 'logBufferLines'
    | 'terminalScrollback'
    | 'terminalFontSize'
    | 'terminalFontFamily'
    | 'defaultShell'
    | 'maxStreamsPerWindow'
    | 'maxUploadMiB'
    | 'apiLogEntries';
  label: string;
  hint: string;
  placeholder?: string;
  numeric?: boolean;
  /** Narrow input for numbers. */
  width?: number;
}

/** An on/off setting. */
export interface CheckSetting {
  kind: 'check';
  field: 'notifications';
  label: string;
}

export type SettingField = ChoiceSetting | InputSetting | CheckSetting;

/** The settings page, group by group: adding a setting is one row here. */
export const SETTING_GROUPS: Array<{ title: string; fields: SettingField[] }> = [
  {
    title: 'Appearance',
    fields: [
      {
        kind: 'choice',
        field: 'theme',
        label: 'Theme',
        options: [
          { value: 'system', label: 'System' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ],
      },
      {
        kind: 'choice',
        field: 'fontSize',
        label: 'Text size',
        numeric: true,
        options: ['12', '13', '14', '15', '16'].map((v) => ({ value: v, label: `${v} px` })),
      },
      {
        kind: 'choice',
        field: 'density',
        label: 'Density',
        options: [
          { value: 'comfortable', label: 'Comfortable' },
          { value: 'compact', label: 'Compact', hint: 'Tighter rows: more containers on screen' },
        ],
      },
    ],
  },
  {
    title: 'Logs',
    fields: [
      {
        kind: 'input',
        field: 'logBufferLines',
        label: 'Log buffer',
        numeric: true,
        width: 140,
        hint: 'Lines a log view keeps (1,000 to 2,000,000); the oldest are dropped. Applies to logs opened next.',
      },
    ],
  },
  {
    title: 'Terminal',
    fields: [
      {
        kind: 'input',
        field: 'terminalScrollback',
        label: 'Scrollback',
        numeric: true,
        width: 140,
        hint: 'Lines each terminal keeps above the screen (100 to 100,000).',
      },
      {
        kind: 'input',
        field: 'terminalFontSize',
        label: 'Terminal font size',
        numeric: true,
        width: 80,
        hint: '8 to 32 px; Ctrl + and Ctrl − zoom the terminal for now.',
      },
      {
        kind: 'input',
        field: 'terminalFontFamily',
        label: 'Terminal font',
        placeholder: 'System monospace',
        hint: "Font names separated by commas, e.g. 'JetBrains Mono', monospace. Applies to new terminals.",
      },
      {
        kind: 'input',
        field: 'defaultShell',
        label: 'Default shell',
        placeholder: 'Detect (bash, ash, sh)',
        hint: "Command for new shells, e.g. /bin/bash -l; a container's own choice still wins.",
      },
    ],
  },
  {
    title: 'Notifications and safety',
    fields: [
      {
        kind: 'check',
        field: 'notifications',
        label:
          'Desktop notifications for new alerts (a container exits with an error, turns unhealthy, restarts in a loop…)',
      },
      {
        kind: 'choice',
        field: 'typedConfirmation',
        label: 'Type the name to confirm deleting',
        options: [
          { value: 'production', label: 'On production hosts' },
          { value: 'always', label: 'On every host' },
        ],
      },
    ],
  },
  {
    title: 'Limits',
    fields: [
      {
        kind: 'input',
        field: 'maxStreamsPerWindow',
        label: 'Streams per window',
        numeric: true,
        width: 140,
        hint: 'Logs, stats, terminals and other live views one window may keep open (10 to 10,000); each can hold a connection to an engine.',
      },
      {
        kind: 'input',
        field: 'maxUploadMiB',
        label: 'Upload limit',
        numeric: true,
        width: 140,
        hint: 'MiB of uploads staged in the temporary folder at once before they reach a container (1 to 1,048,576).',
      },
      {
        kind: 'input',
        field: 'apiLogEntries',
        label: 'API log size',
        numeric: true,
        width: 140,
        hint: 'Engine requests the API log keeps per host, in memory only (0 to 20,000; 0 turns the log off).',
      },
    ],
  },
];
