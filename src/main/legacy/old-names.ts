/**
 * The product was called Dockhand before it became Berthmaster. Every old name the app still has
 * to recognise lives here, so that `git grep -i dockhand` finds only the migration.
 */
export const LEGACY_PRODUCT_NAME = 'Dockhand';
/** The old app-data folder name (~/.config/Dockhand, %APPDATA%\Dockhand, ~/Library/...). */
export const LEGACY_APP_DIR_NAME = 'Dockhand';
/** Old environment variables were DOCKHAND_*; new ones are BERTHMASTER_*. */
export const LEGACY_ENV_PREFIX = 'DOCKHAND_';
/** Labels the old app put on engine objects (volume browser helpers, bench objects). */
export const LEGACY_LABEL_PREFIX = 'dockhand.';
