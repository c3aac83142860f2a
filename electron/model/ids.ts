/** Row ids: UUIDv7 (see core/ids.ts for why). The pattern and the API's check are this one regex. */
import { z } from 'zod';

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const Id = z.string().regex(UUID_V7, 'must be a UUIDv7');
