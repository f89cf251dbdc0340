import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMyDay } from './api.ts';
import { ActivityItem, AgreementItem, ContractItem, TaskItem } from './day-items.tsx';
import { DaySection } from './day-section.tsx';
import { useDayFormat } from './use-day-format.ts';

const byId = (item: { id: string }) => item.id;

/**
 * My day: what needs the signed-in person today, in their time zone: tasks late, due, to accept
 * and to confirm, today's calls and meetings, follow-ups, agreements and contracts running out,
 * and the work of the colleagues they cover for.
 */
export function MyDay() {
  const { t } = useTranslation('myDay');
  const day = useMyDay();
  const format = useDayFormat(day.data?.date);
  if (day.error) return <ErrorAlert error={day.error} />;
  if (!day.data) return <Card loading />;
  const data = day.data;
  const half = { xs: 24, lg: 12 };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle', { date: format.calendarDate(data.date) })}</Typography.Text>
      </div>
      {data.covering.items.map((absence) => (
        <Alert
          key={absence.person.id}
          type="info"
          showIcon
          title={t('covering', { name: absence.person.name, date: format.calendarDate(absence.endsOn) })}
          description={t('coveringHint')}
        />
      ))}
      <Row gutter={[16, 16]}>
        <Col {...half}>
          <DaySection
            name="overdue"
            alarming
            seeAll="/tasks"
            section={data.overdue}
            keyOf={byId}
            render={(task) => <TaskItem task={task} format={format} late />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="dueToday"
            seeAll="/tasks"
            section={data.dueToday}
            keyOf={byId}
            render={(task) => <TaskItem task={task} format={format} />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="toAccept"
            seeAll="/tasks"
            section={data.toAccept}
            keyOf={byId}
            render={(task) => <TaskItem task={task} format={format} />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="toConfirm"
            seeAll="/tasks"
            section={data.toConfirm}
            keyOf={byId}
            render={(task) => <TaskItem task={task} format={format} sent />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="meetings"
            seeAll="/calendar"
            section={data.meetings}
            keyOf={byId}
            render={(activity) => <ActivityItem activity={activity} format={format} />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="followUps"
            seeAll="/calendar"
            section={data.followUps}
            keyOf={byId}
            render={(activity) => <ActivityItem activity={activity} format={format} followUp />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="agreements"
            seeAll="/agreements"
            section={data.agreements}
            keyOf={byId}
            render={(agreement) => <AgreementItem agreement={agreement} format={format} />}
          />
        </Col>
        <Col {...half}>
          <DaySection
            name="contracts"
            seeAll="/contracts"
            section={data.contracts}
            keyOf={byId}
            render={(contract) => <ContractItem contract={contract} format={format} />}
          />
        </Col>
      </Row>
    </Flex>
  );
}
