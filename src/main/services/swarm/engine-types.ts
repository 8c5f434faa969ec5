/**
 * The parts of the Engine API's swarm objects (API 1.41) that Berthmaster reads. @types/dockerode
 * types most of them loosely; these say exactly which fields the mapping relies on.
 */

export interface EngineVersion {
  Index: number;
}

export interface EngineNode {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: {
    Name?: string;
    Labels?: Record<string, string> | null;
    Role: 'manager' | 'worker';
    Availability: 'active' | 'pause' | 'drain';
  };
  Description?: {
    Hostname?: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Record<string, string> | null };
  };
  Status: { State: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface EnginePort {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface EngineFileRef {
  SecretID?: string;
  SecretName?: string;
  ConfigID?: string;
  ConfigName?: string;
  File?: { Name: string; UID: string; GID: string; Mode: number };
}

export interface EngineServiceSpec {
  Name: string;
  Labels?: Record<string, string> | null;
  TaskTemplate: {
    ContainerSpec?: {
      Image?: string;
      Args?: string[] | null;
      Command?: string[] | null;
      Env?: string[] | null;
      Secrets?: EngineFileRef[] | null;
      Configs?: EngineFileRef[] | null;
      [key: string]: unknown;
    };
    Networks?: Array<{ Target: string; Aliases?: string[] }> | null;
    ForceUpdate?: number;
    [key: string]: unknown;
  };
  Mode?: {
    Replicated?: { Replicas?: number };
    Global?: Record<string, never>;
    ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
    GlobalJob?: Record<string, never>;
  };
  UpdateConfig?: Record<string, unknown>;
  RollbackConfig?: Record<string, unknown>;
  Networks?: Array<{ Target: string }> | null;
  EndpointSpec?: { Mode?: string; Ports?: EnginePort[] | null };
  [key: string]: unknown;
}

export interface EngineService {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: EngineServiceSpec;
  PreviousSpec?: EngineServiceSpec;
  Endpoint?: { Ports?: EnginePort[] | null };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
}

export interface EngineTask {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Spec: { ContainerSpec?: { Image?: string } };
  Status: {
    Timestamp: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
  };
  DesiredState: string;
}

/** Secrets and configs share this shape; a config's Spec.Data is never copied out. */
export interface EngineSwarmFile {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: { Name: string; Labels?: Record<string, string> | null };
}

export interface EngineSwarmInfo {
  Name?: string;
  Swarm?: {
    NodeID?: string;
    NodeAddr?: string;
    LocalNodeState?: string;
    ControlAvailable?: boolean;
    Error?: string;
    RemoteManagers?: Array<{ NodeID: string; Addr: string }> | null;
    Nodes?: number;
    Managers?: number;
    Cluster?: { ID?: string; CreatedAt?: string };
  };
}
