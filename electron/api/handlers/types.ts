import type { Input, MethodName, Output } from '../../../shared/api/contract';
import type { ParsedInputOf } from '../../../shared/api/define';
import type { Methods } from '../../../shared/api/contract';
import type { ServiceContext } from '../../services/context';

export type Handler<M extends MethodName> = (
  ctx: ServiceContext,
  input: ParsedInputOf<Methods[M]>,
) => Output<M> | Promise<Output<M>>;

/** A slice of handlers for one area; the full map must cover every method. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

export type { Input };
