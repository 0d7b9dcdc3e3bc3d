/** The units catalog seen through the site's `UnitDirectory` interface. */
import { plainUnitDirectory, type UnitDirectory } from './unitDirectory.ts';

// TODO(units catalog): wire src/units/catalog.ts once it lands.
export const unitDirectory: UnitDirectory = plainUnitDirectory;
