// The store's web orders kept live for the whole register: the event stream (paused while
// offline), the queue it updates, and the sound and banner for a new order. Mounted around the
// register's screens it alerts wherever the cashier is; OrdersScreen mounts its own otherwise.
import type { Order } from '@handla/api';
import { intlLocale, useLocale, useT } from '@handla/ui';
import {
  createContext,
  type Dispatch,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useRegister } from '../register-context';
import { createEventStream, type EventStream, type EventStreamStatus } from './event-stream';
import { NewOrderBanner } from './NewOrderBanner';
import { newOrderOf, standingAlerts } from './new-order-alerts';
import { playNewOrderSound, readMuted, storeMuted, unlockNewOrderSound } from './new-order-sound';
import { type OrdersApi, orderEventsPath, ordersApi } from './orders-api';
import { formatPickupTime } from './pickup-time';
import { initialQueue, orderOfEvent, type QueueAction, type QueueState, queueReducer } from './queue';

/** A new order the staff have not looked at yet. */
export interface NewOrderAlert {
  order: Order;
  text: string;
}

export interface OrdersLiveValue {
  queue: QueueState;
  dispatch: Dispatch<QueueAction>;
  api: OrdersApi;
  streamStatus: EventStreamStatus;
  loadError: unknown;
  /** Reads the chosen tab (and every count) from the server again. */
  reload: () => void;
  alerts: NewOrderAlert[];
  dismissAlert: (orderId: string) => void;
  isMuted: boolean;
  setMuted: (isMuted: boolean) => void;
  /** Opens the order for work (and, where the register wired it, the orders screen). */
  showOrder: (order: Order) => void;
}

const OrdersLiveContext = createContext<OrdersLiveValue | null>(null);

// After an event the counts are read again, once the burst of events has settled.
const RELOAD_AFTER_EVENT_MS = 400;
// Time alone makes orders overdue: read the queue again now and then.
const RELOAD_EVERY_MS = 60_000;
const MAX_ALERTS = 3;
const SOUND_GAP_MS = 1_500;

export function useOptionalOrdersLive(): OrdersLiveValue | null {
  return useContext(OrdersLiveContext);
}

export function OrdersLiveProvider({
  children,
  onShowOrders,
}: {
  children: ReactNode;
  /** Switches the register to the web-orders screen (for "show order" on the alert). */
  onShowOrders?: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { device, cashier, isOnline } = useRegister();
  const api = useMemo(
    () => ordersApi(device.registerId, device.deviceToken, cashier.staffId),
    [device.registerId, device.deviceToken, cashier.staffId],
  );
  const [queue, dispatch] = useReducer(queueReducer, undefined, () => initialQueue('new'));
  const queueRef = useRef(queue);
  queueRef.current = queue;
  const [streamStatus, setStreamStatus] = useState<EventStreamStatus>('connecting');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [alerts, setAlerts] = useState<NewOrderAlert[]>([]);
  const [isMuted, setMutedState] = useState(readMuted);
  const mutedRef = useRef(isMuted);
  mutedRef.current = isMuted;

  // One load at a time; a reload asked for meanwhile runs once after it.
  const loading = useRef<{ again: boolean } | null>(null);
  const reload = useCallback(() => {
    if (loading.current) {
      loading.current.again = true;
      return;
    }
    loading.current = { again: false };
    const filter = queueRef.current.filter;
    dispatch({ type: 'loadStarted' });
    api
      .queue(filter)
      .then((result) => {
        dispatch({ type: 'loaded', filter, queue: result });
        setLoadError(null);
      })
      .catch((error: unknown) => setLoadError(error))
      .finally(() => {
        const again = loading.current?.again || queueRef.current.filter !== filter;
        loading.current = null;
        if (again) reload();
      });
  }, [api]);

  const streamRef = useRef<EventStream | null>(null);
  const isOnlineRef = useRef(isOnline);
  isOnlineRef.current = isOnline;
  // The stream outlives a change of cashier (a new `api`): it reads the latest reload through this.
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSoundAt = useRef(0);
  const alertFor = useCallback(
    (order: Order): NewOrderAlert => {
      const time =
        order.fulfilment.kind === 'pickup'
          ? formatPickupTime(
              order.fulfilment.slotStartsAt,
              order.fulfilment.slotEndsAt,
              order.fulfilment.timeZone,
              intlLocale(locale),
              new Date(),
            )
          : null;
      const when = time ? `${time.isToday ? t('pos.orders.queue.today') : time.date} ${time.time}` : '';
      return {
        order,
        text: t('pos.orders.alert.new', { number: order.number, name: order.customer.name, time: when }),
      };
    },
    [t, locale],
  );
  const alertForRef = useRef(alertFor);
  alertForRef.current = alertFor;

  useEffect(() => {
    const stream = createEventStream({
      url: orderEventsPath(device.registerId),
      headers: { authorization: `Device ${device.deviceToken}` },
      onStatus: (status) => {
        setStreamStatus(status);
        // On every (re)connect: whatever happened before the stream was open is read afresh.
        if (status === 'open') reloadRef.current();
      },
      onEvent: (event) => {
        if (!orderOfEvent(event)) return;
        const order = newOrderOf(queueRef.current, event);
        dispatch({ type: 'event', event, now: new Date() });
        if (order) {
          const alert = alertForRef.current(order);
          setAlerts((previous) =>
            [alert, ...previous.filter((a) => a.order.id !== order.id)].slice(0, MAX_ALERTS),
          );
          if (!mutedRef.current && Date.now() - lastSoundAt.current > SOUND_GAP_MS) {
            lastSoundAt.current = Date.now();
            playNewOrderSound();
          }
        }
        clearTimeout(reloadTimer.current);
        reloadTimer.current = setTimeout(() => reloadRef.current(), RELOAD_AFTER_EVENT_MS);
      },
    });
    streamRef.current = stream;
    if (isOnlineRef.current) stream.start();
    return () => {
      stream.stop();
      streamRef.current = null;
      clearTimeout(reloadTimer.current);
    };
  }, [device.registerId, device.deviceToken]);

  // The first tap or key press after loading lets the chime play (see unlockNewOrderSound).
  useEffect(() => {
    const stopListening = () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
    const unlock = () => {
      unlockNewOrderSound();
      stopListening();
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return stopListening;
  }, []);

  useEffect(() => {
    if (isOnline) streamRef.current?.start();
    else streamRef.current?.pause();
  }, [isOnline]);

  useEffect(() => {
    if (!isOnline) return;
    const timer = setInterval(reload, RELOAD_EVERY_MS);
    return () => clearInterval(timer);
  }, [isOnline, reload]);

  // A new tab is read at once.
  useEffect(() => {
    if (!queue.isLoaded && isOnline) reload();
  }, [queue.isLoaded, isOnline, reload]);

  const setMuted = useCallback((next: boolean) => {
    storeMuted(next);
    setMutedState(next);
  }, []);
  const dismissAlert = useCallback(
    (orderId: string) => setAlerts((previous) => previous.filter((a) => a.order.id !== orderId)),
    [],
  );
  const showOrder = useCallback(
    (order: Order) => {
      dismissAlert(order.id);
      dispatch({ type: 'select', order });
      onShowOrders?.();
    },
    [dismissAlert, onShowOrders],
  );

  const openAlerts = standingAlerts(alerts, queue);
  const value: OrdersLiveValue = {
    queue,
    dispatch,
    api,
    streamStatus,
    loadError,
    reload,
    alerts: openAlerts,
    dismissAlert,
    isMuted,
    setMuted,
    showOrder,
  };

  return (
    <OrdersLiveContext.Provider value={value}>
      <NewOrderBanner alerts={openAlerts} onShow={showOrder} onDismiss={dismissAlert} />
      {children}
    </OrdersLiveContext.Provider>
  );
}

/** The number of new orders, for the register's nav button; nothing without a live provider or orders. */
export function NewOrdersBadge() {
  const t = useT();
  const live = useOptionalOrdersLive();
  const count = live?.queue.counts.new ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="new-orders-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('pos.orders.badge', { count })}</span>
    </span>
  );
}
